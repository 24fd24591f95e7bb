package app.detach.journal.archive;

import app.detach.journal.draft.DraftView;
import app.detach.journal.entry.EntryView;

import java.util.List;

/**
 * Everything the journal holds for a user, in clear, in a form {@code POST /api/journal/archive}
 * accepts back: entries and drafts oldest first, and the reasons.
 */
public record JournalArchive(int version, List<EntryView> entries, List<DraftView> drafts, List<String> reasons) {

    public static final int VERSION = 1;
}
