package app.detach.notification.fanout;

import app.detach.events.EventJson;
import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.account.ErasureRequested;
import app.detach.events.content.ArticlePublished;
import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.notification.FanOuts;
import app.detach.notification.TestClock;
import app.detach.notification.live.LiveSignal;
import app.detach.testing.KafkaEvents;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.Statement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static app.detach.notification.FanOuts.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The new-guides digest as a durable fan-out job, delivered in chunks ({@code %test} chunk = 10
 * users), driven by real article-published events.
 */
@QuarkusTest
class FanOutTest {

    @Inject
    TestClock clock;

    @AfterEach
    void noJobLeftForTheNextTest() {
        FanOuts.awaitAllFinished();
        clock.reset();
    }

    /**
     * A chunk is delivered in a few statements for all its users together, yet each user keeps
     * their own rules: quiet hours defer the digest to their end, a day already at the daily cap
     * moves it to the next day, anyone else gets it now, and only that one is signalled live
     * (PostgreSQL NOTIFY, heard here on a plain JDBC connection).
     */
    @Test
    void eachUserInAChunkKeepsTheirQuietHoursAndDailyCap() throws Exception {
        Instant now = Instant.parse("2026-05-20T09:00:00Z"); // 11:00 in Berlin (UTC+2)
        clock.set(now);
        String prefix = "fq-" + UUID.randomUUID() + "-";
        String quiet = prefix + "a-quiet";
        String full = prefix + "b-full";
        String free = prefix + "c-free";
        Api.putPreferences(quiet, Api.preferences("Europe/Berlin", "{\"start\":\"10:00\",\"end\":\"13:00\"}", false, "20:00", true));
        Api.putPreferences(full, Api.preferences("Europe/Berlin", null, false, "20:00", true));
        Api.putPreferences(free, Api.preferences("Europe/Berlin", null, false, "20:00", true));
        for (int day : new int[] {1, 3, 7, 14, 21}) { // five routine messages: the cap for today
            Events.publish(Events.milestone(full, day));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM notification WHERE user_id = ?", full) == 5);

        try (Connection listener = TestDatabase.connect(); Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + LiveSignal.CHANNEL);
            String title = "Guide " + UUID.randomUUID();
            FanOuts.awaitFinished(Events.publish(article(title)));

            assertEquals(Instant.parse("2026-05-20T11:00:00Z"), digestDeliverAt(quiet), "13:00 in Berlin, when quiet hours end");
            assertEquals(Instant.parse("2026-05-20T22:00:00Z"), digestDeliverAt(full), "midnight in Berlin: tomorrow");
            assertEquals(now, digestDeliverAt(free));

            List<String> heard = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(100);
                for (PGNotification n : got == null ? new PGNotification[0] : got) {
                    heard.add(n.getParameter());
                }
                return heard.stream().anyMatch(p -> p.contains(free));
            });
            assertTrue(heard.stream().noneMatch(p -> p.contains(quiet) || p.contains(full)), heard.toString());
        }
    }

    private static Instant digestDeliverAt(String user) {
        List<String> at = FanOuts.column("SELECT to_char(deliver_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM notification WHERE user_id = ? AND kind = 'new-guides'", user);
        assertEquals(1, at.size(), user + ": one digest");
        return Instant.parse(at.get(0));
    }

    @Test
    void aDigestReachesEveryOptedInUserOnceAcrossSeveralChunksAndNobodyElse() {
        String prefix = "fo-" + UUID.randomUUID() + "-";
        List<String> readers = users(prefix + "r", 25, true);
        List<String> others = users(prefix + "o", 5, false);
        // an unreadable stored zone must not block the job (it is skipped, like the check-in does)
        String broken = prefix + "broken";
        insertOptedIn("Mars/Olympus_Mons", "SELECT CAST(? AS text)", broken);
        try {
            String title = "Guide " + UUID.randomUUID();
            String eventId = Events.publish(article(title));
            FanOuts.awaitFinished(eventId);

            for (String reader : readers) {
                assertOneDigestListing(reader, title);
            }
            for (String other : others) {
                assertEquals(List.of(), Api.messages(other), "not opted in: no digest");
            }
            assertTrue(count("SELECT chunks FROM fan_out WHERE id = ?", eventId) >= 3,
                    "25 readers at 10 per chunk take several chunks");
            assertEquals(0, count("SELECT count(*) FROM notification WHERE user_id = ?", broken));
        } finally {
            TestDatabase.update("DELETE FROM preference WHERE user_id = ?", broken);
        }
    }

    @Test
    void theSameEventDeliveredAgainMakesNoSecondJobAndNoSecondMessage() {
        String reader = users("fr-" + UUID.randomUUID() + "-", 1, true).get(0);
        String title = "Guide " + UUID.randomUUID();
        ArticlePublished article = article(title);
        String id = UUID.randomUUID().toString();
        KafkaEvents kafka = KafkaEvents.fromConfig();
        publishRaw(kafka, article, id);
        FanOuts.awaitFinished(id);
        assertOneDigestListing(reader, title);

        // forget that the event was processed, so the redelivery reaches the job insert itself
        TestDatabase.update("DELETE FROM processed_event WHERE event_id = ?", id);
        publishRaw(kafka, article, id);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?", id) == 1);

        assertEquals(1, count("SELECT count(*) FROM fan_out WHERE id = ?", id));
        assertEquals(1, count("SELECT count(*) FROM fan_out WHERE id = ? AND finished_at IS NOT NULL", id),
                "the finished job is not started again");
        assertOneDigestListing(reader, title);
    }

    @Test
    void aJobResumedFromAnEarlierCursorMessagesNobodyTwiceAndSkipsNobody() {
        String prefix = "fc-" + UUID.randomUUID() + "-";
        List<String> readers = users(prefix, 25, true);
        String title = "Guide " + UUID.randomUUID();
        String eventId = Events.publish(article(title));
        FanOuts.awaitFinished(eventId);

        // as if the process died after the chunk up to readers[7] committed: the next chunks run again
        TestDatabase.update("UPDATE fan_out SET cursor = ?, finished_at = NULL WHERE id = ?", readers.get(7), eventId);
        FanOuts.awaitFinished(eventId);

        for (String reader : readers) {
            assertOneDigestListing(reader, title);
        }
    }

    @Test
    void anErasedUserIsNotMessagedByALaterJob() {
        String prefix = "fe-" + UUID.randomUUID() + "-";
        List<String> readers = users(prefix, 2, true);
        String erased = readers.get(1);
        Events.publish(new ErasureRequested(erased, Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM preference WHERE user_id = ?", erased) == 0);

        String title = "Guide " + UUID.randomUUID();
        FanOuts.awaitFinished(Events.publish(article(title)));

        assertOneDigestListing(readers.get(0), title);
        assertEquals(0, count("SELECT count(*) FROM notification WHERE user_id = ?", erased));
    }

    /**
     * Many chunks: 150 opted-in users (written straight into the table, like a grown service) and
     * one article: everyone is reached once. Prints users per second from the job's created/finished
     * times, for information only (speed is measured by bench/, not asserted here).
     */
    @Test
    void aFanOutOfManyChunksReachesEveryoneOnce() {
        String prefix = "fl-" + UUID.randomUUID() + "-";
        insertOptedIn("Europe/Madrid", "SELECT ? || lpad(i::text, 4, '0') FROM generate_series(1, 150) i", prefix);
        try {
            String title = "Guide " + UUID.randomUUID();
            String eventId = Events.publish(article(title));
            FanOuts.awaitFinished(eventId);

            assertEquals(150, count("SELECT count(*) FROM notification WHERE user_id LIKE ? AND kind = 'new-guides'"
                    + " AND strpos(body, ?) > 0", prefix + "%", title));
            List<String> stats = FanOuts.column("SELECT processed || ' users in ' || round(EXTRACT(EPOCH FROM"
                    + " finished_at - created_at)::numeric, 2) || ' s = ' || round(processed / EXTRACT(EPOCH FROM"
                    + " finished_at - created_at)::numeric, 1) || ' users/s, ' || chunks || ' chunks'"
                    + " FROM fan_out WHERE id = ?", eventId);
            System.out.println("FAN-OUT RATE: " + stats.get(0));
        } finally {
            // later tests fan out to every opted-in user: do not make them pay for these 150
            TestDatabase.update("DELETE FROM notification WHERE user_id LIKE ?", prefix + "%");
            TestDatabase.update("DELETE FROM preference WHERE user_id LIKE ?", prefix + "%");
        }
    }

    /** Opted-in preference rows written straight into the table, one per id {@code userIds} selects. */
    private static void insertOptedIn(String zone, String userIds, Object... parameters) {
        TestDatabase.update("INSERT INTO preference (user_id, time_zone, check_in_enabled, check_in_time,"
                + " channel_in_app, channel_email, new_guides, updated_at) SELECT id, '" + zone + "', false, '20:00',"
                + " true, false, true, now() FROM (" + userIds + ") ids(id)", parameters);
    }

    /** Users with preferences saved through the API, newGuides on or off, in user id order. */
    static List<String> users(String prefix, int n, boolean newGuides) {
        List<String> users = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> {
            String user = prefix + "%03d".formatted(i);
            Api.putPreferences(user, Api.preferences("Europe/Lisbon", null, false, "20:00", newGuides));
            users.add(user);
        });
        return users;
    }

    static ArticlePublished article(String title) {
        return new ArticlePublished(UUID.randomUUID(), "slug-" + UUID.randomUUID(), title, List.of("early-days"),
                Instant.now());
    }

    private static void publishRaw(KafkaEvents kafka, ArticlePublished article, String id) {
        kafka.publishRaw(Topics.CONTENT, article.partitionKey(), EventType.ARTICLE_PUBLISHED.type(), Events.SOURCE,
                article.subject(), EventJson.toTree(article), id);
    }

    /** Exactly one new-guides message, listing the title exactly once. */
    static void assertOneDigestListing(String user, String title) {
        List<Map<String, Object>> digests = Api.messages(user).stream()
                .filter(m -> "new-guides".equals(m.get("kind"))).toList();
        assertEquals(1, digests.size(), user + ": one digest");
        String body = (String) digests.get(0).get("body");
        assertEquals(1, body.split(java.util.regex.Pattern.quote(title), -1).length - 1, body);
    }
}
