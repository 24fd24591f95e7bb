package app.detach.content.article;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Article bodies are Markdown written by admins, but rendered HTML is served to every reader, so it
 * is never trusted: CommonMark renders it with raw HTML escaped and unsafe link schemes dropped,
 * then an allow-list sanitiser removes anything that is not plain formatting (no script, no style,
 * no event handlers, only http/https/mailto links). Two layers on purpose: either alone would be
 * one bug away from stored XSS.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "blockquote", "ol", "ul", "li")
                    .toFactory());

    /** Words per minute used for reading time: a calm reading pace. */
    static final int WORDS_PER_MINUTE = 200;

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return POLICY.sanitize(RENDERER.render(document));
    }

    public static int words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    public static int readingMinutes(String markdown) {
        return Math.max(1, (int) Math.ceil(words(markdown) / (double) WORDS_PER_MINUTE));
    }
}
