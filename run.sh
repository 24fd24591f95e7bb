#!/usr/bin/env bash
# Runs the whole Detach stack locally: PostgreSQL, Kafka, Keycloak, the four services and the
# gateway. Builds first (skip with --skip-build); every other flag goes to the launcher
# (./run.sh --help). Ctrl-C stops everything. See deploy/local/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v java >/dev/null 2>&1; then
  echo "error: java not found on the PATH; install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk)" >&2
  exit 1
fi
JAVA_FEATURE="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)"
JAVA_FEATURE="${JAVA_FEATURE#1.}"   # 1.8 -> 8
if [ -z "$JAVA_FEATURE" ] || [ "${JAVA_FEATURE%%.*}" -lt 17 ]; then
  echo "error: Java 17 or newer is needed, found Java ${JAVA_FEATURE:-unknown} ($(command -v java))" >&2
  exit 1
fi

BUILD=true
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) BUILD=false ;;
    -h|--help) BUILD=false; ARGS+=("$arg") ;;
    *) ARGS+=("$arg") ;;
  esac
done

if [ "$BUILD" = true ]; then
  ONLY_INFRA=false
  for arg in "${ARGS[@]+"${ARGS[@]}"}"; do
    [ "$arg" = "--only-infra" ] && ONLY_INFRA=true
  done
  if [ "$ONLY_INFRA" = true ]; then
    MODULES="deploy/local"
  else
    MODULES="journal-service,streak-service,content-service,notification-service,gateway,deploy/local"
  fi
  echo "> building ($MODULES and what they need; --skip-build to skip)"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl "$MODULES" -am install) || {
    echo "error: the build failed (see the Maven output above)" >&2
    exit 1
  }
fi

if [ ! -d "$ROOT/deploy/local/target/classes" ] || [ ! -d "$ROOT/deploy/local/target/lib" ]; then
  echo "error: the launcher is not built; run ./run.sh without --skip-build (or ./mvnw -q -pl deploy/local install -DskipTests)" >&2
  exit 1
fi

# exec: the JVM receives Ctrl-C / SIGTERM itself and its shutdown hook stops every child.
exec java -Xmx128m -XX:+UseSerialGC -Ddetach.repo.root="$ROOT" \
  -cp "$ROOT/deploy/local/target/classes:$ROOT/deploy/local/target/lib/*" \
  app.detach.local.Launcher "${ARGS[@]+"${ARGS[@]}"}"
