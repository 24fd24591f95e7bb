package app.detach.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The reliability report: every whole-system check prints its figure and appends one row to
 * {@code system-tests/target/reliability-report.md} (a Markdown table; docs/ keeps a copy from a
 * passing run). The file is started afresh by the first row of a test run.
 */
public final class Report {

    private static final Path FILE = Path.of(System.getProperty("detach.repo.root", ".."))
            .resolve("system-tests/target/reliability-report.md");
    private static boolean started;

    private Report() {
    }

    public static synchronized void row(String area, String check, String figure) {
        System.out.println("[report] " + area + " | " + check + " | " + figure);
        try {
            Files.createDirectories(FILE.getParent());
            if (!started) {
                Files.writeString(FILE, "| area | check | figure |\n|---|---|---|\n", StandardCharsets.UTF_8);
                started = true;
            }
            Files.writeString(FILE, "| " + cell(area) + " | " + cell(check) + " | " + cell(figure) + " |\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
