package app.detach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One result table: written as CSV under bench/results and rendered as Markdown in BENCHMARKS.md. */
public final class Table {

    private final String name;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String name, String... header) {
        this.name = name;
        this.header = List.of(header);
    }

    public String name() {
        return name;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public synchronized Table add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(name + ": " + cells.length + " cells for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(format(c));
        }
        rows.add(row);
        return this;
    }

    static String format(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            double a = Math.abs(d);
            return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", d);
        }
        return c.toString();
    }

    public void writeCsv(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<String> row : rows) {
            sb.append(String.join(",", row.stream().map(Table::csvCell).toList())).append('\n');
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".csv"), sb.toString());
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("| " + String.join(" | ", header) + " |\n");
        sb.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }
}
