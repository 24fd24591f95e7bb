package app.detach.notification.live;

import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.outbox.PgListener;
import app.detach.notification.TestClock;
import app.detach.notification.inbox.NotificationView;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live stream. "Two replicas" is tested with an honest equivalent: a second, independent
 * {@link LiveHub} with its own {@link PgListener} (its own LISTEN connection) in the test,
 * next to the application's; a message written by one side reaches a user connected to the other.
 */
@QuarkusTest
class LiveStreamTest {

    @TestHTTPResource("/api/notifications/stream")
    URI stream;

    @Inject
    LiveHub appHub;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    TestClock clock;

    @Test
    void refusesAnonymousStreams() {
        given().get("/api/notifications/stream").then().statusCode(401);
    }

    @Test
    void aConnectedUserReceivesAMessageCreatedByAnEventAndNobodyElseDoes() throws Exception {
        String alice = "live-a-" + UUID.randomUUID();
        String bob = "live-b-" + UUID.randomUUID();
        try (SseClient aliceStream = new SseClient(stream, TestTokens.user(alice));
                SseClient bobStream = new SseClient(stream, TestTokens.user(bob))) {
            assertEquals(200, aliceStream.status);
            aliceStream.awaitLine("event:ready");
            bobStream.awaitLine("event:ready");

            Events.publish(Events.milestone(alice, 3));

            aliceStream.awaitLine("Three days of choosing yourself");
            assertTrue(aliceStream.count("event:notification") == 1, aliceStream.lines::toString);
            // the same message reached the inbox; Bob's stream stayed silent
            Events.publish(Events.milestone(bob, 1));
            bobStream.awaitLine("Day one, done");
            assertEquals(0, bobStream.count("Three days"), bobStream.lines::toString);
            assertEquals(1, aliceStream.count("event:notification"));
        }
    }

    /**
     * A message deferred by quiet hours is signalled by the dispatcher when they end (a batch of
     * due rows marked and signalled in two statements), and reaches the open stream then, not before.
     */
    @Test
    void aMessageDeferredByQuietHoursArrivesLiveWhenTheyEnd() throws Exception {
        String user = "live-q-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-01-14T22:30:00Z")); // 23:30 in Paris, quiet 22:00-07:00
        try (SseClient userStream = new SseClient(stream, TestTokens.user(user))) {
            Api.putPreferences(user, Api.preferences("Europe/Paris", "{\"start\":\"22:00\",\"end\":\"07:00\"}", false, "20:00", false));
            userStream.awaitLine("event:ready");
            Events.publish(Events.milestone(user, 3));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> undispatched(user) == 1);
            assertEquals(0, userStream.count("event:notification"), "quiet hours: nothing live yet");

            clock.set(Instant.parse("2026-01-15T06:00:00Z")); // 07:00 in Paris
            userStream.awaitLine("Three days of choosing yourself");
            assertEquals(1, userStream.count("event:notification"));
            assertEquals(0, undispatched(user));
        } finally {
            clock.reset();
        }
    }

    private static long undispatched(String user) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM notification WHERE user_id = ? AND dispatched_at IS NULL")) {
            s.setString(1, user);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void aMessageWrittenByThisReplicaReachesAUserConnectedToAnotherReplica() {
        String user = "live-r2-" + UUID.randomUUID();
        LiveHub secondReplica = new LiveHub(pool);
        PgListener secondListener = new PgListener(vertx, PgListener.connectOptions(
                config("quarkus.datasource.reactive.url"), config("quarkus.datasource.username"),
                config("quarkus.datasource.password")), LiveSignal.CHANNEL, secondReplica::onSignal);
        secondListener.start();
        List<NotificationView> received = new CopyOnWriteArrayList<>();
        var subscription = secondReplica.stream(user).subscribe().with(received::add);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(LiveHub.READY));
            assertEquals(0, appHub.connected(user), "the user is connected to the other replica only");

            Events.publish(Events.milestone(user, 21)); // consumed and written by the application

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 2);
            assertEquals("Three weeks strong", received.get(1).title());
        } finally {
            subscription.cancel();
            secondListener.stop();
        }
        assertEquals(0, secondReplica.connected(user), "a cancelled stream is unregistered");
    }

    @Test
    void aMessageWrittenByAnotherReplicaReachesAUserConnectedHere() throws Exception {
        String user = "live-r1-" + UUID.randomUUID();
        try (SseClient client = new SseClient(stream, TestTokens.user(user))) {
            client.awaitLine("event:ready");
            // what another replica does after consuming an event: insert + NOTIFY in one transaction
            UUID id = UUID.randomUUID();
            try (Connection c = TestDatabase.connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO notification (id, user_id, kind, title, body)"
                        + " VALUES (?, ?, 'broadcast', 'From the other replica', 'Hello')");
                        PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    insert.setObject(1, id);
                    insert.setString(2, user);
                    insert.executeUpdate();
                    notify.setString(1, LiveSignal.CHANNEL);
                    notify.setString(2, LiveSignal.payload(id.toString(), user));
                    notify.execute();
                }
                c.commit();
            }
            client.awaitLine("From the other replica");
            assertTrue(client.lines.stream().anyMatch(l -> l.equals("id:" + id)), client.lines::toString);
        }
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
