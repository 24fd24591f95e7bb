package app.detach.events.streak;

/**
 * What kind of contact with the ex was logged. Whether it breaks the streak is decided by
 * streak-service (SOCIAL_MEDIA_CHECK depends on the user's choice) and sent as
 * {@link ContactLogged#breaksStreak()}, so consumers never re-implement the rule.
 */
public enum ContactKind {
    I_CONTACTED,
    THEY_CONTACTED_IGNORED,
    THEY_CONTACTED_REPLIED,
    SOCIAL_MEDIA_CHECK,
    NECESSARY_CONTACT
}
