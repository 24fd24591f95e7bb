package app.detach.gateway;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.testing.KafkaEvents;
import app.detach.testing.KafkaTestResource;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code DELETE /api/me} publishes erasure-requested for the caller, and only for the caller, on the
 * real broker. (Removing the Keycloak account is checked by the system tests, against Keycloak.)
 */
@QuarkusTest
class AccountErasureTest {

    private static final String ERASURE_REQUESTED = EventType.ERASURE_REQUESTED.type();

    private final KafkaEvents events = KafkaEvents.fromConfig();

    @Test
    void erasurePublishesOneSchemaValidEventKeyedByTheCaller() {
        String userId = "erasing-" + UUID.randomUUID();

        String requestId = given().auth().oauth2(TestTokens.user(userId))
                .when().delete("/api/me")
                .then().statusCode(202)
                .body("userId", equalTo(userId))
                .body("status", equalTo("erasure-requested"))
                .extract().path("requestId");

        ReceivedEvent event = events.await(Topics.ACCOUNT, userId, ERASURE_REQUESTED);
        assertEquals(requestId, event.id());
        assertEquals(userId, event.subject());
        assertEquals("/detach/gateway", event.source());
        assertEquals(userId, event.data().get("userId").asText());
        events.assertExactly(Topics.ACCOUNT, KafkaEvents.key(userId), 1, Duration.ofMillis(500));
    }

    @Test
    void erasureWithoutCredentialsIs401() {
        given().redirects().follow(false).header("X-Detach-Request", "1")
                .when().delete("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void whileTheBrokerIsAwayErasureIs503AndNothingIsPublished() {
        String userId = "erasing-offline-" + UUID.randomUUID();
        KafkaTestResource.stopBroker();
        try {
            given().auth().oauth2(TestTokens.user(userId))
                    .when().delete("/api/me")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("try again"));
        } finally {
            KafkaTestResource.startBroker();
        }
        events.assertNone(Topics.ACCOUNT, KafkaEvents.key(userId), Duration.ofSeconds(2));
    }
}
