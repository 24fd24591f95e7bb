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

    public static boolean breaksStreak(ContactKind kind, boolean socialMediaCheckBreaks) {
        return switch (kind) {
            case I_CONTACTED, THEY_CONTACTED_REPLIED -> true;
            case SOCIAL_MEDIA_CHECK -> socialMediaCheckBreaks;
            case THEY_CONTACTED_IGNORED, NECESSARY_CONTACT -> false;
        };
    }
}
