package app.detach.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reliability report, {@code system-tests/target/reliability-report.md}: a summary table with
 * one row per fault test (load held, faults survived, bad inputs tried, 5xx seen, records lost,
 * duplicates) and a table of the attacker, bad-input, privacy and erasure checks with their
 * figures. Every row is also printed, one figure per line, for the build log. The file is
 * rewritten whole after each row, so it is complete whichever test runs last; docs/ keeps a copy
 * from a passing run.
 */
public final class Report {

    private static final Path FILE = Path.of(System.getProperty("detach.repo.root", ".."))
            .resolve("system-tests/target/reliability-report.md");

    private static final List<Row> ROWS = new ArrayList<>();
    private static final List<String[]> CHECKS = new ArrayList<>();

    /** One fault test's figures; use "-" for a column that does not apply. */
    public record Row(String test, String load, String faults, String badInputs, String serverErrors, String lost,
            String duplicates, String notes) {
    }

    private Report() {
    }

    /** A fault test's row of the summary table. */
    public static synchronized void add(Row row) {
        System.out.println("[report] " + row.test());
        System.out.println("[report]   load held: " + row.load());
        System.out.println("[report]   faults survived: " + row.faults());
        System.out.println("[report]   bad inputs tried: " + row.badInputs());
        System.out.println("[report]   5xx seen: " + row.serverErrors());
        System.out.println("[report]   records lost: " + row.lost());
        System.out.println("[report]   duplicates: " + row.duplicates());
        System.out.println("[report]   notes: " + row.notes());
        ROWS.add(row);
        write();
    }

    /** One check with its figure (attackers, bad input, privacy, erasure). */
    public static synchronized void row(String area, String check, String figure) {
        System.out.println("[report] " + area + " | " + check + " | " + figure);
        CHECKS.add(new String[] {area, check, figure});
        write();
    }

    private static void write() {
        StringBuilder md = new StringBuilder("# Reliability report\n\n"
                + "Written by the whole-system tests (`system-tests`, `*IT`) against the local stack.\n");
        if (!ROWS.isEmpty()) {
            md.append("\n## Faults\n\n| test | load held | faults survived | bad inputs tried | 5xx seen | records lost"
                    + " | duplicates | notes |\n|---|---|---|---|---|---|---|---|\n");
            for (Row r : ROWS) {
                md.append(line(r.test(), r.load(), r.faults(), r.badInputs(), r.serverErrors(), r.lost(), r.duplicates(),
                        r.notes()));
            }
        }
        if (!CHECKS.isEmpty()) {
            md.append("\n## Attackers, bad input, privacy, erasure\n\n| area | check | figure |\n|---|---|---|\n");
            for (String[] c : CHECKS) {
                md.append(line(c));
            }
        }
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    private static String line(String... cells) {
        StringBuilder s = new StringBuilder("|");
        for (String cell : cells) {
            s.append(' ').append(cell == null ? "-" : cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        return s.append('\n').toString();
    }
}
