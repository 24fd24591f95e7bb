package app.detach.content.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published article with its sanitised HTML body, as readers see it. */
public record PublishedArticle(UUID id, String slug, String title, String summary, String html,
        List<String> stages, List<String> tags, int readingMinutes, Instant publishedAt, Instant updatedAt) {
}
