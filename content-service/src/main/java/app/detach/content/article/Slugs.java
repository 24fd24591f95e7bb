package app.detach.content.article;

import java.text.Normalizer;
import java.util.Locale;

/** URL names derived from titles: lower-case ASCII words joined by dashes, as the event schema requires. */
public final class Slugs {

    /** The event schema caps slugs at 120; leave room for a "-NN" suffix that makes one unique. */
    static final int MAX_BASE_LENGTH = 110;

    private Slugs() {
    }

    public static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "") // é → e
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_BASE_LENGTH) {
            slug = slug.substring(0, MAX_BASE_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }

    /** The n-th alternative when the base is taken: base, base-2, base-3… */
    public static String candidate(String base, int attempt) {
        return attempt <= 1 ? base : base + "-" + attempt;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= 120 && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
