package app.detach.journal.reason;

import java.time.Instant;
import java.util.List;

/** The user's reasons in their order; {@code updatedAt} is null before the first save. */
public record ReasonsView(List<String> reasons, Instant updatedAt) {
}
