package app.detach.content.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published article as it appears in a list (readers' view of the pinned revision). */
public record ArticleSummary(UUID id, String slug, String title, String summary, List<String> stages,
        List<String> tags, int readingMinutes, Instant publishedAt) {
}
