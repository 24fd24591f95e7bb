package app.detach.notification;

import app.detach.events.EventData;
import app.detach.events.journal.EntryRecorded;
import app.detach.events.streak.MilestoneReached;
import app.detach.events.streak.UrgeResisted;
import app.detach.testing.KafkaEvents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Publishes real events on the test broker, as the other services would. */
public final class Events {

    public static final String SOURCE = "/detach/test";

    private Events() {
    }

    public static String publish(EventData data) {
        return KafkaEvents.fromConfig().publish(data, SOURCE);
    }

    public static MilestoneReached milestone(String user, int day) {
        return new MilestoneReached(user, UUID.randomUUID(), day, Instant.now());
    }

    public static UrgeResisted urge(String user) {
        return new UrgeResisted(user, UUID.randomUUID(), 6, Instant.now());
    }

    public static EntryRecorded entry(String user, int mood, Instant at) {
        return new EntryRecorded(UUID.randomUUID(), user, at, mood, 3, List.of("sad"), 4);
    }
}
