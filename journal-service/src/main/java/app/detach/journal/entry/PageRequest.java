package app.detach.journal.entry;

import app.detach.rest.ProblemException;

import java.util.List;
import java.util.function.Function;

/**
 * {@code ?limit=&cursor=} of a newest-first keyset list (entries, drafts), checked the same way for
 * every list of the journal. The reads fetch {@link #fetch()} rows, one more than the page, so
 * {@link #slice} knows whether a next page exists without counting.
 */
public record PageRequest(int size, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** @throws ProblemException 400 naming {@code limit} or {@code cursor} */
    public static PageRequest parse(String limit, String cursor) {
        return new PageRequest(size(limit), cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor));
    }

    /** How many rows to read: the page and one more. */
    public int fetch() {
        return size + 1;
    }

    /** The page out of the {@link #fetch()} rows read, and the cursor after its last row (null on the last page). */
    public <S> Slice<S> slice(List<S> rows, Function<S, Cursor> cursorOf) {
        if (rows.size() <= size) {
            return new Slice<>(rows, null);
        }
        List<S> page = rows.subList(0, size);
        return new Slice<>(page, cursorOf.apply(page.get(size - 1)).encode());
    }

    public record Slice<S>(List<S> items, String nextCursor) {
    }

    private static int size(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
