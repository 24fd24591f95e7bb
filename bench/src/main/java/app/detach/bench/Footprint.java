package app.detach.bench;

import app.detach.local.ChildProcess;
import app.detach.local.LocalStack;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up times (parsed from the launcher's own progress lines: "ok journal-service ready (12.3 s)")
 * and resident memory of every component, idle and the peak under load (sampled from /proc).
 */
public final class Footprint {

    private static final Pattern READY = Pattern.compile("^\\s*ok (\\S+) ready \\(([0-9.]+) s\\)");

    private static final Pattern PG_READY = Pattern.compile("PostgreSQL ready \\(([0-9.]+) s\\)");

    private final Map<String, Double> startup = new ConcurrentHashMap<>();
    private final Map<String, Long> idle = new LinkedHashMap<>();
    private final Map<String, Long> peak = new ConcurrentHashMap<>();
    private volatile LocalStack stack;
    private volatile boolean sampling;
    private Thread sampler;

    /** A PrintStream that echoes the launcher's progress to System.out and records the ready times. */
    public PrintStream progressTee() {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                System.out.write(b);
                if (b == '\n') {
                    Matcher m = READY.matcher(line.toString(StandardCharsets.UTF_8));
                    if (m.find()) {
                        startup.put(m.group(1), Double.parseDouble(m.group(2)));
                    }
                    Matcher pg = PG_READY.matcher(line.toString(StandardCharsets.UTF_8));
                    if (pg.find()) {
                        startup.put("postgresql", Double.parseDouble(pg.group(1)));
                    }
                    line.reset();
                    System.out.flush();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    public void attach(LocalStack stack) {
        this.stack = stack;
    }

    /** Resident memory now, per component (PostgreSQL = postmaster and its backends). */
    public Map<String, Long> sample() {
        Map<String, Long> rss = new LinkedHashMap<>();
        List<Long> postmaster = Proc.find(stack.dataDir().resolve("postgres").toString());
        long pg = 0;
        for (long pid : postmaster) {
            pg += Proc.rssTree(pid);
        }
        rss.put("postgresql", pg);
        for (ChildProcess child : stack.children()) {
            rss.put(child.name(), Proc.rssTree(child.pid()));
        }
        return rss;
    }

    public void recordIdle() {
        idle.putAll(sample());
    }

    /** Samples every 500 ms until {@link #stopSampling()}, keeping each component's peak. */
    public void startSampling() {
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                sample().forEach((k, v) -> peak.merge(k, v, Math::max));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public void stopSampling() {
        sampling = false;
        if (sampler != null) {
            sampler.interrupt();
        }
    }

    public Table table() {
        Table t = new Table("footprint", "component", "start-up to ready (s)", "RSS idle (MiB)", "RSS peak under load (MiB)");
        long idleSum = 0;
        long peakSum = 0;
        for (Map.Entry<String, Long> e : idle.entrySet()) {
            long p = peak.getOrDefault(e.getKey(), 0L);
            idleSum += e.getValue();
            peakSum += p;
            t.add(e.getKey(), startup.get(e.getKey()), mib(e.getValue()), p == 0 ? null : mib(p));
        }
        t.add("whole stack", stack.startupTime() == null ? null : stack.startupTime().toMillis() / 1000.0, mib(idleSum), mib(peakSum));
        return t;
    }

    static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
