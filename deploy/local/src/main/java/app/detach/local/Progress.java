package app.detach.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Waits for components to become ready, printing what it waits for and for how long. Every wait
 * has a deadline; a child that exits meanwhile fails the wait at once.
 */
public final class Progress {

    /** One thing to wait for; {@code child} may be null for in-process components. */
    public record Awaited(String name, ReadinessProbe probe, ChildProcess child) {
    }

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final long startedAt = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void step(String message) {
        out.println("> " + message);
        out.flush();
    }

    /** Seconds since this stack started, with one decimal. */
    public String sinceStart() {
        return seconds(System.nanoTime() - startedAt);
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Waits until every item is ready; throws a {@link StackException} naming the culprit otherwise. */
    public void await(List<Awaited> items, Duration timeout) {
        List<Awaited> pending = new ArrayList<>(items);
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        long nextReport = begin + REPORT_EVERY.toNanos();
        while (!pending.isEmpty()) {
            for (Awaited item : List.copyOf(pending)) {
                if (item.child() != null && !item.child().isAlive()) {
                    ChildProcess child = item.child();
                    throw new StackException(item.name() + " exited (code " + child.exitCode() + ") before it was ready; see "
                            + child.logFile(), child.tail(15));
                }
                if (item.probe().isReady()) {
                    pending.remove(item);
                    out.println("  ok " + item.name() + " ready (" + seconds(System.nanoTime() - begin) + " s)");
                    out.flush();
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                Awaited late = pending.get(0);
                List<String> detail = late.child() == null ? List.of() : late.child().tail(15);
                String answer = late.probe().lastAnswer().isEmpty() ? "" : " (" + late.probe().lastAnswer() + ")";
                throw new StackException(late.name() + " was not ready within " + timeout.toSeconds() + " s" + answer
                        + (late.child() == null ? "" : "; see " + late.child().logFile()), detail);
            }
            if (now >= nextReport) {
                out.println("  ... waiting for " + names(pending) + " (" + (now - begin) / 1_000_000_000L + " s)");
                out.flush();
                nextReport = now + REPORT_EVERY.toNanos();
            }
            sleep(POLL);
        }
    }

    private static String names(List<Awaited> items) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.name()));
        return String.join(", ", names);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting");
        }
    }
}
