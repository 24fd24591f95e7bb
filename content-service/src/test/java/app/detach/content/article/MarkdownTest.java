package app.detach.content.article;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownTest {

    private static final Pattern SCRIPT_URL = Pattern.compile("(href|src)\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):");
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Hello <script src=https://evil.example/x.js></script> world",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](  javascript:alert(document.cookie) )",
            "![x](javascript:alert(1))",
            "<iframe src=https://evil.example></iframe>",
            "<svg onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<p onclick=alert(1)>para</p>",
            "```html\n<script>alert(1)</script>\n```",
            "<scr<script>ipt>alert(1)</script>",
            "[a](https://ok.example \"title\" onmouseover=alert(1))",
    })
    void neutralisesXssAttempts(String markdown) {
        String html = Markdown.toSafeHtml(markdown).toLowerCase();

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<svg"), html);
        assertFalse(SCRIPT_URL.matcher(html).find(), html);
        assertFalse(html.contains("style="), html);
        assertFalse(EVENT_HANDLER.matcher(html).find(), html);
    }

    @Test
    void keepsOrdinaryFormattingAndSafeLinks() {
        String html = Markdown.toSafeHtml("""
                ## A heading

                Some *soft* and **strong** words, a [link](https://example.org/page) and a list:

                - one
                - two

                > a quote
                """);

        assertTrue(html.contains("<h2>A heading</h2>"), html);
        assertTrue(html.contains("<em>soft</em>"), html);
        assertTrue(html.contains("<strong>strong</strong>"), html);
        assertTrue(html.contains("href=\"https://example.org/page\""), html);
        assertTrue(html.contains("<li>one</li>"), html);
        assertTrue(html.contains("<blockquote>"), html);
    }

    @Test
    void countsWordsAndReadingMinutes() {
        assertEquals(0, Markdown.words("  "));
        assertEquals(3, Markdown.words("one two\nthree"));
        assertEquals(1, Markdown.readingMinutes("short"));
        assertEquals(2, Markdown.readingMinutes("word ".repeat(201)));
    }

    @Test
    void slugsAreDerivedFromTitles() {
        assertEquals("when-he-reaches-out", Slugs.fromTitle("When he reaches out…"));
        assertEquals("cafe-creme-brulee", Slugs.fromTitle("Café & crème brûlée"));
        assertEquals("article", Slugs.fromTitle("!!!"));
        assertTrue(Slugs.fromTitle("word ".repeat(100)).length() <= Slugs.MAX_BASE_LENGTH);
        assertTrue(Slugs.isValid(Slugs.fromTitle("  -- Weird -- title --  ")));
    }
}
