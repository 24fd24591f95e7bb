package app.detach.streak.rules;

import java.time.Instant;

/**
 * Where a logged contact falls relative to the current streak, which decides what it does.
 * A contact may be backdated (people log a slip the next morning); it may not be in the future.
 */
public final class Backdating {

    /** What a contact does to the streak. */
    public enum Effect {
        /** After "now": refused (400). */
        FUTURE,
        /** A breaking contact within the current streak: it ends there, the next starts at that instant. */
        BREAKS_CURRENT,
        /** Before the current streak's start: recorded as history only, the current streak stands. */
        HISTORY_ONLY,
        /** A contact that does not break: recorded, nothing else changes. */
        LOGGED_ONLY
    }

    private Backdating() {
    }

    /**
     * @param currentStart the current streak's start instant
     * @param breaks       whether the contact's kind breaks a streak for this user
     */
    public static Effect effect(Instant occurredAt, Instant now, Instant currentStart, boolean breaks) {
        if (occurredAt.isAfter(now)) {
            return Effect.FUTURE;
        }
        if (!breaks) {
            return Effect.LOGGED_ONLY;
        }
        return occurredAt.isBefore(currentStart) ? Effect.HISTORY_ONLY : Effect.BREAKS_CURRENT;
    }
}
