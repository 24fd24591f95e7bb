package app.detach.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own load tool against the stack's server: the database's limit for the same
 * single-row statements the services run. Latency at a fixed rate comes from pgbench's
 * per-transaction log (-l with -R: measured from the scheduled start, like the HTTP open model).
 */
public final class PgBench {

    public record Run(double tps, Percentiles latency) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final int port;
    private final String database;
    private final Path workDir;

    public PgBench(int port, String database, Path workDir) {
        this.port = port;
        this.database = database;
        this.workDir = workDir;
    }

    /** Maximum throughput: {@code clients} connections as fast as they go. */
    public Run max(String name, String sql, int clients, int seconds) {
        String out = run(name, sql, List.of("-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds)));
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        return new Run(Double.parseDouble(m.group(1)), null);
    }

    /** A fixed rate (transactions/s); latency percentiles from the transaction log. */
    public Run atRate(String name, String sql, double rate, int clients, int seconds) {
        Path logDir = workDir.resolve("pgbench-log-" + name);
        try {
            deleteTree(logDir);
            Files.createDirectories(logDir);
            String out = run(name, sql, List.of("-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                    "-R", String.format(Locale.ROOT, "%.0f", rate), "-l", "--log-prefix=" + logDir.resolve("tx")));
            Matcher m = TPS.matcher(out);
            double tps = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
            List<Long> samples = new ArrayList<>();
            try (Stream<Path> files = Files.list(logDir)) {
                for (Path f : files.toList()) {
                    for (String line : Files.readAllLines(f)) {
                        String[] cols = line.trim().split("\\s+");
                        // client_id transaction_no time(us) script_no time_epoch time_us [schedule_lag]
                        if (cols.length >= 3 && !cols[2].equals("skipped")) {
                            samples.add(Long.parseLong(cols[2]) * 1000);
                        }
                    }
                }
            }
            return new Run(tps, new Percentiles(samples.stream().mapToLong(Long::longValue).toArray()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String run(String name, String sql, List<String> args) {
        try {
            Path script = workDir.resolve("pgbench-" + name + ".sql");
            Files.createDirectories(workDir);
            Files.writeString(script, sql + "\n");
            List<String> cmd = new ArrayList<>(List.of("pgbench", "-h", "localhost", "-p", String.valueOf(port),
                    "-U", database, "-n", "-f", script.toString()));
            cmd.addAll(args);
            cmd.add(database);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", database);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pgbench failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run pgbench (install postgresql-client): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
