package app.detach.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/** A message as the API shows it; {@code createdAt} is when it reached the inbox (after any deferral). */
public record NotificationView(UUID id, String kind, String title, String body, String link, Instant createdAt,
        Instant readAt, boolean read) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.title, n.body, n.link, n.deliverAt, n.readAt, n.readAt != null);
    }
}
