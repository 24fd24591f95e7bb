package app.detach.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JVM the children run on: the one running the launcher. */
final class JavaRuntime {

    static final int MINIMUM = 17;

    private JavaRuntime() {
    }

    static String home() {
        return System.getProperty("java.home");
    }

    static String executable() {
        Path java = Path.of(home(), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    static int feature() {
        return Runtime.version().feature();
    }

    static void requireMinimum() {
        if (feature() < MINIMUM) {
            throw new StackException("Java " + MINIMUM + " or newer is needed, this is Java " + feature() + " (" + home() + ")");
        }
    }
}
