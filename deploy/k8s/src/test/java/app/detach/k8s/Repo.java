package app.detach.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where things are: the reactor root, this module, the offline schemas. */
final class Repo {

    static final String SCHEMAS_ENV = "DETACH_K8S_SCHEMAS";

    private Repo() {
    }

    /** The reactor root: system property {@code detach.repoRoot} (set by the pom), else found upwards. */
    static Path root() {
        String property = System.getProperty("detach.repoRoot");
        if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property, "deploy", "k8s"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with pom.xml and deploy/k8s); "
                + "run from the reactor or set -Ddetach.repoRoot");
    }

    /** deploy/k8s */
    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    /**
     * The offline schemas: env {@code DETACH_K8S_SCHEMAS}, else {@code <repo>/../shared/k8s-schemas}, else the
     * same name beside any further ancestor (a git worktree lives deeper than the main checkout), else
     * the workspace's copy at {@value #WORKSPACE_SCHEMAS} (a clone made elsewhere, e.g. under /tmp, on
     * the development machine).
     */
    static Path schemas() {
        return schemas(System.getenv(SCHEMAS_ENV), root(), List.of(Path.of(WORKSPACE_SCHEMAS)));
    }

    static final String WORKSPACE_SCHEMAS = "/work/shared/k8s-schemas";

    static Path schemas(String override, Path root) {
        return schemas(override, root, List.of());
    }

    static Path schemas(String override, Path root, List<Path> fallbacks) {
        List<Path> looked = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            Path dir = Path.of(override).toAbsolutePath().normalize();
            if (isSchemaDir(dir)) {
                return dir;
            }
            throw new IllegalStateException("Kubernetes schemas not found: " + SCHEMAS_ENV + "=" + override
                    + " has no kubernetes-1.33/ and crds/ inside");
        }
        for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/k8s-schemas");
            looked.add(candidate);
            if (isSchemaDir(candidate)) {
                return candidate;
            }
        }
        for (Path candidate : fallbacks) {
            looked.add(candidate);
            if (isSchemaDir(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kubernetes schemas not found: looked in " + looked
                + "; put them at <repo>/../shared/k8s-schemas or set " + SCHEMAS_ENV);
    }

    private static boolean isSchemaDir(Path dir) {
        return Files.isDirectory(dir.resolve("kubernetes-1.33")) && Files.isDirectory(dir.resolve("crds"));
    }
}
