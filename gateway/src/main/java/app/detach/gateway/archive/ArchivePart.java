package app.detach.gateway.archive;

import app.detach.gateway.routing.Routes;

/**
 * One service's share of a user's archive: the field it occupies in the document, the upstream that
 * owns it and the path of that service's own archive endpoint. The declaration order is the restore
 * order: streak first (it states the user's days, which the others' projections need), then the
 * journal, then notification preferences.
 */
enum ArchivePart {

    STREAK("streak", Routes.STREAK, "/api/streak/archive"),
    JOURNAL("journal", Routes.JOURNAL, "/api/journal/archive"),
    NOTIFICATIONS("notifications", Routes.NOTIFICATION, "/api/notifications/archive");

    private final String field;
    private final String upstream;
    private final String path;

    ArchivePart(String field, String upstream, String path) {
        this.field = field;
        this.upstream = upstream;
        this.path = path;
    }

    /** The document field, also the word used in messages ("your journal"). */
    String field() {
        return field;
    }

    String upstream() {
        return upstream;
    }

    String path() {
        return path;
    }
}
