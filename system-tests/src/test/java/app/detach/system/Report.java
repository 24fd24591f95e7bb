package app.detach.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The reliability report: one Markdown table row per fault, flood or attack test, appended to
 * {@code system-tests/target/reliability-report.md} (the header is written with the first row).
 * A passing run's copy is committed as {@code docs/reliability-report.md}, linked from the README.
 */
final class Report {

    static final Path FILE = Path.of(System.getProperty("detach.repo.root", ".."))
            .resolve("system-tests/target/reliability-report.md");

    private static final String HEADER = """
            # Reliability report

            Written by the system tests (`system-tests`, `*IT`) against the whole local stack; one row per test.

            | test | load held | faults survived | bad inputs tried | 5xx seen | records lost | duplicates | notes |
            |---|---|---|---|---|---|---|---|
            """;

    /** One row; use "-" for a column that does not apply to the test. */
    record Row(String test, String load, String faults, String badInputs, String serverErrors, String lost,
            String duplicates, String notes) {
    }

    private Report() {
    }

    /** Prints the row (one figure per line, for the build log) and appends it to the report. */
    static synchronized void add(Row row) {
        System.out.println("[report] " + row.test());
        System.out.println("[report]   load held: " + row.load());
        System.out.println("[report]   faults survived: " + row.faults());
        System.out.println("[report]   bad inputs tried: " + row.badInputs());
        System.out.println("[report]   5xx seen: " + row.serverErrors());
        System.out.println("[report]   records lost: " + row.lost());
        System.out.println("[report]   duplicates: " + row.duplicates());
        System.out.println("[report]   notes: " + row.notes());
        String line = "| " + String.join(" | ", cell(row.test()), cell(row.load()), cell(row.faults()), cell(row.badInputs()),
                cell(row.serverErrors()), cell(row.lost()), cell(row.duplicates()), cell(row.notes())) + " |\n";
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, HEADER, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    private static String cell(String text) {
        return text == null ? "-" : text.replace("|", "\\|").replace("\n", " ");
    }
}
