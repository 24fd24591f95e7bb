package app.detach.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The relay does not wait for its poll when rows are committed: the outbox table's insert trigger
 * NOTIFYs on commit and the relay, LISTENing, runs at once. Here the poll interval is ten minutes,
 * far beyond the test's deadline, so only the wake-up can deliver the events in time - for one
 * event, and for several recorded one after another (some of them while a run is in progress).
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.PollEveryTenMinutes.class)
class OutboxWakeUpTest {

    public static class PollEveryTenMinutes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("detach.outbox.poll-interval", "10m");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aCommittedEventIsPublishedAtOnceNotAtTheNextPoll() {
        String userId = UUID.randomUUID().toString();
        KafkaEvents events = KafkaEvents.fromConfig();

        given().queryParam("userId", userId).queryParam("intensity", 4).post("/test/urges").then().statusCode(200);

        ReceivedEvent event = events.await(Topics.STREAK,
                KafkaEvents.keyAndType(userId, EventType.URGE_RESISTED.type()), Duration.ofSeconds(20));
        assertEquals(4, event.data().get("intensity").asInt());
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.forKey(pool, userId).get(0).sent());
    }

    @Test
    void eventsCommittedOneAfterAnotherAreAllPublishedWithoutAPoll() {
        String userId = UUID.randomUUID().toString();
        KafkaEvents events = KafkaEvents.fromConfig();

        for (int intensity = 1; intensity <= 10; intensity++) {
            given().queryParam("userId", userId).queryParam("intensity", intensity).post("/test/urges").then().statusCode(200);
        }

        events.awaitCount(Topics.STREAK, KafkaEvents.key(userId), 10, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> OutboxRows.forKey(pool, userId).stream().allMatch(OutboxRows.Row::sent));
    }
}
