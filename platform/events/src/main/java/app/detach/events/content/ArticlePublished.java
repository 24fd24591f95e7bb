package app.detach.events.content;

import app.detach.events.EventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A guide article was published (or republished after an edit). Not about a user: the Kafka
 * key is the articleId, so the events of one article stay in order.
 *
 * @param stages the recovery stages the article is meant for (tags)
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record ArticlePublished(
        UUID articleId,
        String slug,
        String title,
        List<String> stages,
        Instant publishedAt) implements EventData {

    public ArticlePublished {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publishedAt, "publishedAt");
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    @Override
    public EventType eventType() {
        return EventType.ARTICLE_PUBLISHED;
    }

    @Override
    public String partitionKey() {
        return articleId.toString();
    }

    @Override
    public String subject() {
        return articleId.toString();
    }
}
