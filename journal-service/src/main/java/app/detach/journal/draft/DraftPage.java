package app.detach.journal.draft;

import java.util.List;

/** One page of drafts, newest first: {@code nextCursor} is null on the last page. */
public record DraftPage(List<DraftView> items, String nextCursor) {
}
