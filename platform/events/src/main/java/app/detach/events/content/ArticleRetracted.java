package app.detach.events.content;

import app.detach.events.EventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A published article was withdrawn: consumers stop linking to it. Keyed by articleId. */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record ArticleRetracted(UUID articleId, String slug, Instant retractedAt) implements EventData {

    public ArticleRetracted {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(retractedAt, "retractedAt");
    }

    @Override
    public EventType eventType() {
        return EventType.ARTICLE_RETRACTED;
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
