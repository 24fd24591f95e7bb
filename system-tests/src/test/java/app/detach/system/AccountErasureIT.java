package app.detach.system;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Delete my account" end to end: through the gateway, on the real broker and the real Keycloak.
 * The user's request is published as erasure-requested, and the account can no longer sign in.
 */
@ExtendWith(Stack.class)
class AccountErasureIT {

    @Test
    void erasingTheAccountPublishesTheRequestAndRemovesTheSignIn() {
        String password = "erase-me-please-1";
        String username = KeycloakUsers.create("eraser", password);
        String token = Tokens.password(username, password);
        String userId = given().auth().oauth2(token)
                .get(Stack.get().gatewayUrl() + "/api/me")
                .then().statusCode(200)
                .extract().path("userId");

        given().auth().oauth2(token)
                .delete(Stack.get().gatewayUrl() + "/api/me")
                .then().statusCode(202)
                .body("userId", equalTo(userId))
                .body("status", equalTo("erasure-requested"));

        KafkaEvents events = new KafkaEvents(Stack.get().kafkaBootstrapServers());
        ReceivedEvent request = events.await(Topics.ACCOUNT, userId, EventType.ERASURE_REQUESTED.type());
        assertEquals(userId, request.data().get("userId").asText());

        // the sign-in account is gone: Keycloak refuses the password it accepted a moment ago
        RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "detach-cli")
                .formParam("username", username)
                .formParam("password", password)
                .post(Stack.get().tokenUrl())
                .then().statusCode(401);
    }
}
