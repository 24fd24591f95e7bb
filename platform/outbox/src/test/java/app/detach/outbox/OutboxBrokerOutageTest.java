package app.detach.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.testing.KafkaEvents;
import app.detach.testing.KafkaTestResource;
import app.detach.testing.ReceivedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Kafka goes away: the event waits in the outbox, with its failures recorded, and is delivered once it is back. */
@QuarkusTest
class OutboxBrokerOutageTest {

    @Inject
    Pool pool;

    @Test
    void eventRecordedWhileTheBrokerIsDownIsDeliveredWhenItIsBack() {
        String userId = UUID.randomUUID().toString();
        KafkaEvents events = KafkaEvents.fromConfig();
        assertTrue(KafkaTestResource.isRunning(), "the test must control the broker the application uses");
        KafkaTestResource.stopBroker();
        try {
            given().queryParam("userId", userId).queryParam("intensity", 8)
                    .post("/test/urges").then().statusCode(200);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<OutboxRows.Row> rows = OutboxRows.forKey(pool, userId);
                assertEquals(1, rows.size());
                assertTrue(!rows.get(0).sent() && rows.get(0).attempts() >= 1 && rows.get(0).lastError() != null,
                        rows.toString());
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then()
                    .body(containsString("\ndetach_outbox_pending 1.0")));
        } finally {
            KafkaTestResource.startBroker();
        }

        ReceivedEvent event = events.await(Topics.STREAK,
                KafkaEvents.keyAndType(userId, EventType.URGE_RESISTED.type()), Duration.ofSeconds(60));
        assertEquals(8, event.data().get("intensity").asInt());
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.forKey(pool, userId).get(0).sent());
        events.assertExactly(Topics.STREAK, KafkaEvents.key(userId), 1, Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(containsString("\ndetach_outbox_pending 0.0")));
    }
}
