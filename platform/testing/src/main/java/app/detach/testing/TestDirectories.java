package app.detach.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the embedded servers keep their files: under the running module's {@code target/}. */
final class TestDirectories {

    private TestDirectories() {
    }

    /**
     * {@code <module>/target/<name>}. Surefire runs tests with the module's base directory as the
     * working directory, so a relative {@code target} lands in the module under test.
     */
    static Path underTarget(String name) {
        Path dir = Path.of(System.getProperty("detach.test.dir", "target")).toAbsolutePath().resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
