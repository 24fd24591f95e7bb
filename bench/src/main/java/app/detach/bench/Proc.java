package app.detach.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resident memory of processes from /proc (Linux): VmRSS of a process and its descendants. */
public final class Proc {

    private Proc() {
    }

    /** RSS in bytes of {@code pid} and all its descendants (0 when gone). */
    public static long rssTree(long pid) {
        long total = rss(pid);
        Stream<ProcessHandle> descendants = ProcessHandle.of(pid).map(ProcessHandle::descendants).orElse(Stream.empty());
        for (ProcessHandle h : descendants.toList()) {
            total += rss(h.pid());
        }
        return total;
    }

    public static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
        return 0;
    }

    /** Processes whose command line contains {@code fragment} (e.g. the PostgreSQL data directory). */
    public static List<Long> find(String fragment) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmd.contains(fragment)) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return pids;
    }
}
