package app.detach.journal.entry;

import java.util.List;

/** One page of entries: {@code nextCursor} is null on the last page. */
public record EntryPage(List<EntryView> items, String nextCursor) {
}
