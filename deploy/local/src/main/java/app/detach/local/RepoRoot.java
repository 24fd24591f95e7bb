package app.detach.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the Detach repository: the directory whose pom.xml is the {@code detach-parent} project. */
public final class RepoRoot {

    /** System property (set by run.sh) that names the root and skips the search. */
    public static final String PROPERTY = "detach.repo.root";

    private static final Pattern PARENT_BLOCK = Pattern.compile("(?s)<parent>.*?</parent>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    private RepoRoot() {
    }

    /** The root from {@value #PROPERTY} or by walking up from the working directory. */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!isRoot(root)) {
                throw new StackException(PROPERTY + "=" + root + " is not the Detach repository (no detach-parent pom.xml there)");
            }
            return root;
        }
        Path start = Path.of("").toAbsolutePath();
        return find(start).orElseThrow(() -> new StackException(
                "cannot find the Detach repository above " + start + ": run from inside the repository or pass --repo-root"));
    }

    /** Walks up from {@code start} to the first directory whose pom.xml declares artifactId detach-parent. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            String xml = COMMENT.matcher(Files.readString(pom)).replaceAll("");
            // a module's pom names detach-parent inside <parent>: only the project's own artifactId counts
            String own = PARENT_BLOCK.matcher(xml).replaceFirst("");
            return own.contains("<artifactId>detach-parent</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }
}
