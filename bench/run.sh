#!/usr/bin/env bash
# Runs every benchmark against a freshly started local stack (the launcher's code, data in
# bench/target/stack-data) and writes bench/results/*.csv, *.png and BENCHMARKS.md.
# About 9 minutes on the idle 2-core machine (at most ~20). The stack uses the fixed ports of ./run.sh: stop ./run.sh first.
#   ./bench/run.sh                 build what is needed, then run everything
#   ./bench/run.sh --skip-build    reuse the last build
#   ./bench/run.sh --quick         short windows and small sizes (a smoke run; writes under bench/target)
#   ./bench/run.sh --only=http,pipeline,growth
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v java >/dev/null 2>&1; then
  echo "bench: a JDK 17 or newer is required (java not found on PATH)" >&2
  exit 1
fi

# pgbench (PostgreSQL's own load tool) comes from Debian's postgresql-client: the embedded
# PostgreSQL binaries of deploy/local ship only initdb, pg_ctl and postgres.
if ! command -v pgbench >/dev/null 2>&1; then
  echo "bench: installing pgbench (Debian package postgresql-client)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-client >/dev/null
fi

BUILD=true
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) BUILD=false ;;
    *) ARGS+=("$arg") ;;
  esac
done

if [ "$BUILD" = true ]; then
  echo "> building the services, the gateway, the launcher and the bench (--skip-build to skip)"
  ./mvnw -q -B -ntp -DskipTests -pl bench -am package
fi

exec java -Xmx768m -XX:+UseSerialGC -Djava.awt.headless=true -Ddetach.repo.root="$ROOT" \
  -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" \
  app.detach.bench.Bench "${ARGS[@]+"${ARGS[@]}"}"
