package app.detach.streak.rules;

import app.detach.events.streak.ContactKind;

/**
 * Which contacts break a streak. Reaching out or replying always does; a social-media check only
 * when the user chose to count it; being contacted and ignoring it, or contact that cannot be
 * avoided (children, work, shared paperwork), never does — they are logged, not held against anyone.
 */
public final class ContactRules {

    private ContactRules() {
    }

    /**
     * With limited contact on, a contact logged with a purpose (co-parenting, work...) is necessary
     * contact and never breaks the streak, whatever its kind.
     */
    public static boolean breaksStreak(ContactKind kind, boolean socialMediaCheckBreaks, boolean hasPurpose,
            boolean limitedContact) {
        return !(hasPurpose && limitedContact) && breaksStreak(kind, socialMediaCheckBreaks);
    }

    /** Without limited contact, a purpose only belongs to a NECESSARY_CONTACT. */
    public static boolean purposeAllowed(ContactKind kind, boolean limitedContact) {
        return limitedContact || kind == ContactKind.NECESSARY_CONTACT;
    }

    public static boolean breaksStreak(ContactKind kind, boolean socialMediaCheckBreaks) {
        return switch (kind) {
            case I_CONTACTED, THEY_CONTACTED_REPLIED -> true;
            case SOCIAL_MEDIA_CHECK -> socialMediaCheckBreaks;
            case THEY_CONTACTED_IGNORED, NECESSARY_CONTACT -> false;
        };
    }
}
