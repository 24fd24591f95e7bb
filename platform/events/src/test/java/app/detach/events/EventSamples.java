package app.detach.events;

import app.detach.events.account.DataErased;
import app.detach.events.account.ErasureRequested;
import app.detach.events.content.ArticlePublished;
import app.detach.events.content.ArticleRetracted;
import app.detach.events.journal.EntryDeleted;
import app.detach.events.journal.EntryRecorded;
import app.detach.events.streak.CheckedIn;
import app.detach.events.streak.ContactKind;
import app.detach.events.streak.DaySettingsChanged;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.MilestoneReached;
import app.detach.events.streak.StreakReset;
import app.detach.events.streak.StreakStarted;
import app.detach.events.streak.UrgeResisted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One realistic, valid record per event type. */
final class EventSamples {

    static final String USER = "4f7c2d1e-9a7b-4c11-8e0f-2b6d5a3c9e10";
    static final Instant AT = Instant.parse("2025-03-14T21:47:05.123Z");

    private EventSamples() {
    }

    // a switch expression over the enum: adding an EventType without a sample does not compile
    static EventData validSample(EventType type) {
        return switch (type) {
            case ENTRY_RECORDED -> new EntryRecorded(
                    id(1), USER, AT, 4, 7, List.of("sad", "lonely", "hopeful"), 12);
            case ENTRY_DELETED -> new EntryDeleted(id(1), USER, AT);
            case STREAK_STARTED -> new StreakStarted(USER, id(2), AT, "Europe/Paris");
            case CONTACT_LOGGED -> new ContactLogged(USER, id(3), ContactKind.THEY_CONTACTED_IGNORED, AT, false);
            case STREAK_RESET -> new StreakReset(USER, id(2), 17, AT);
            case URGE_RESISTED -> new UrgeResisted(USER, id(4), 8, AT);
            case MILESTONE_REACHED -> new MilestoneReached(USER, id(2), 30, AT, true);
            case DAY_SETTINGS_CHANGED -> new DaySettingsChanged(USER, "America/Santiago", DaySettingsChanged.PIN_HOME, 3, AT);
            case CHECKED_IN -> new CheckedIn(USER, id(6), LocalDate.parse("2025-03-14"), AT, 4);
            case ARTICLE_PUBLISHED -> new ArticlePublished(
                    id(5), "why-no-contact-works", "Why no contact works", List.of("first-days", "early"), AT);
            case ARTICLE_RETRACTED -> new ArticleRetracted(id(5), "why-no-contact-works", AT);
            case ERASURE_REQUESTED -> new ErasureRequested(USER, AT);
            case DATA_ERASED -> new DataErased(USER, "journal-service", AT);
        };
    }

    static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-00000000000" + n);
    }
}
