package app.detach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the run ran on: CPU, cores, memory, kernel, Java, load at the end. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = grep("/proc/cpuinfo", "model name");
        String mem = grep("/proc/meminfo", "MemTotal");
        String load = read("/proc/loadavg");
        return "Machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM, "
                + mem + " memory, Linux " + System.getProperty("os.version") + ", Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "); load average at the end of the run: " + load.trim()
                + " (other engineers share the machine).\n";
    }

    private static String grep(String file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
            }
        }
        return "?";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "?";
        }
    }
}
