package app.detach.notification.delivery;

/**
 * A message a rule wants to send.
 *
 * @param sourceKey what the message is about, unique per user ({@code milestone:<streak>:<day>},
 *                  {@code urge:<local date>}...): a second draft with the same key is ignored
 * @param capped    whether the per-user daily cap applies (routine messages) or not (a slip, a
 *                  low-mood run, the check-in the user asked for)
 */
public record Draft(String userId, String kind, String title, String body, String link, String sourceKey,
        boolean capped) {
}
