package app.detach.journal.crypto;

/**
 * Encrypted rows exist but their user's data key does not: only possible through manual database
 * edits. A server fault (500 problem), never a client one: nothing the caller sent is wrong.
 */
public final class MissingDataKey extends IllegalStateException {

    public MissingDataKey() {
        super("encrypted rows exist but the user's data key is missing");
    }
}
