package app.detach.content.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the shipped library from the classpath: {@code library/index.txt} lists the files in reading order. */
public final class Library {

    static final String DIRECTORY = "library/";

    private Library() {
    }

    public static List<LibraryFile> load() {
        List<LibraryFile> files = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.add(LibraryFile.parse(name, read(name)));
            }
        }
        return files;
    }

    private static String read(String name) {
        try (InputStream in = Library.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("library file missing: " + DIRECTORY + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
