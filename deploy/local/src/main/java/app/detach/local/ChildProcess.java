package app.detach.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child process of the stack with stdout and stderr in one log file. Stopping it also stops
 * everything it spawned (kc.sh runs Keycloak's JVM as its own child).
 */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} in {@code workDir} with {@code env} added to this JVM's environment. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Runs a short-lived command to completion; fails with the log's tail if it exits non-zero. */
    public static void run(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile, Duration timeout) {
        ChildProcess child = start(name, command, env, workDir, logFile);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stopAll(List.of(child), Duration.ofSeconds(5));
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s; see " + logFile, child.tail(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll(List.of(child), Duration.ofSeconds(5));
            throw new StackException(name + " was interrupted");
        }
        if (child.process.exitValue() != 0) {
            throw new StackException(name + " failed (exit code " + child.process.exitValue() + "); see " + logFile, child.tail(10));
        }
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, only meaningful once {@link #isAlive()} is false. */
    public int exitCode() {
        return process.exitValue();
    }

    /** The last {@code lines} lines of the log, for error messages. */
    public List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    /** SIGKILL to the process and its descendants at once (no graceful shutdown); returns when they are gone. */
    public void kill() {
        List<ProcessHandle> handles = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        handles.add(process.toHandle());
        handles.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Stops the children and all their descendants: SIGTERM to all at once, then SIGKILL to
     * whatever is still alive after {@code grace}. Returns when none of them is left.
     */
    public static void stopAll(Collection<ChildProcess> children, Duration grace) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (ChildProcess child : children) {
            // descendants first, deepest last in the list: a wrapper script may not forward signals
            List<ProcessHandle> descendants = child.process.descendants().collect(Collectors.toList());
            handles.addAll(descendants);
            handles.add(child.process.toHandle());
        }
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // still alive after the grace period, or interrupted: killed below
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        for (ProcessHandle handle : handles) {
            if (handle.isAlive()) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
