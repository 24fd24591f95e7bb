package app.detach.notification.archive;

import app.detach.notification.preference.PreferencesDocument;

/**
 * The notification part of the user's re-importable archive: the preferences (null when the user
 * never saved any). The inbox is not part of it: messages are about past moments and would arrive
 * again, out of place, in a restored account.
 */
public record NotificationArchive(Integer version, PreferencesDocument preferences) {

    public static final int VERSION = 1;
}
