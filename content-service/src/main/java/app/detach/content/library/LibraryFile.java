package app.detach.content.library;

import app.detach.content.article.ArticleRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One shipped article: a Markdown file with a small front matter block.
 *
 * <pre>
 * ---
 * slug: the-first-72-hours
 * title: The first 72 hours
 * summary: One sentence for lists and search.
 * stages: first-days, early
 * tags: urges, self-care
 * ---
 * Markdown body…
 * </pre>
 *
 * @param hash sha-256 of the whole file: when it changes, the loader adds a new revision
 */
public record LibraryFile(String slug, String title, String summary, List<String> stages, List<String> tags,
        String body, String hash) {

    public static LibraryFile parse(String name, String text) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.startsWith("---\n")) {
            throw new IllegalArgumentException(name + ": no front matter");
        }
        int end = normalised.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new IllegalArgumentException(name + ": front matter is not closed");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : normalised.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        for (String required : List.of("slug", "title", "summary", "stages")) {
            if (!fields.containsKey(required) || fields.get(required).isEmpty()) {
                throw new IllegalArgumentException(name + ": front matter lacks " + required);
            }
        }
        return new LibraryFile(fields.get("slug"), fields.get("title"), fields.get("summary"),
                list(fields.get("stages")), list(fields.getOrDefault("tags", "")),
                normalised.substring(end + 5).strip() + "\n", sha256(normalised));
    }

    public ArticleRequest toRequest() {
        return new ArticleRequest(title, summary, body, stages, tags);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
