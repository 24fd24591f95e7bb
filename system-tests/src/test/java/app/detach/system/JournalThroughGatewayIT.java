package app.detach.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The journal through the real gateway and Keycloak: an API client writes, lists and reads an
 * entry with a bearer token, and another user cannot see it. The writer is the dev realm's
 * {@code admin} and the entry is deleted at the end, so other tests still find {@code demo}'s
 * journal empty.
 */
@ExtendWith(Stack.class)
class JournalThroughGatewayIT {

    private static URI gateway;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    @Test
    void aUserWritesListsAndReadsAnEntryAndNobodyElseSeesIt() {
        String writer = Tokens.password("admin", "admin");
        String other = Tokens.password("demo", "demo");
        String body = "Made it through the evening without texting. 🌙";

        String id = given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body(Map.of("body", body, "mood", 6, "urge", 4, "emotions", List.of("proud", "tired")))
                .post(gateway.resolve("/api/journal/entries"))
                .then().statusCode(201)
                .body("body", equalTo(body))
                .body("createdAt", notNullValue())
                .extract().path("id");
        try {
            given().auth().oauth2(writer).get(gateway.resolve("/api/journal/entries"))
                    .then().statusCode(200).body("items.id", hasItem(id));
            given().auth().oauth2(writer).get(gateway.resolve("/api/journal/entries/" + id))
                    .then().statusCode(200)
                    .body("body", equalTo(body))
                    .body("mood", equalTo(6))
                    .body("emotions", hasItem("proud"));
            given().auth().oauth2(writer).get(gateway.resolve("/api/journal/prompts/today"))
                    .then().statusCode(200).body("promptId", notNullValue());

            given().auth().oauth2(other).get(gateway.resolve("/api/journal/entries/" + id))
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(other).get(gateway.resolve("/api/journal/entries"))
                    .then().statusCode(200).body("items.id", not(hasItem(id)));
            given().auth().oauth2(other).contentType(ContentType.JSON)
                    .body(Map.of("body", "overwrite", "mood", 1, "urge", 10))
                    .put(gateway.resolve("/api/journal/entries/" + id))
                    .then().statusCode(404);
            given().auth().oauth2(other).delete(gateway.resolve("/api/journal/entries/" + id))
                    .then().statusCode(404);

            given().auth().oauth2(writer).contentType(ContentType.JSON)
                    .body(Map.of("body", "", "mood", 0, "urge", 5))
                    .post(gateway.resolve("/api/journal/entries"))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("body"));
        } finally {
            given().auth().oauth2(writer).delete(gateway.resolve("/api/journal/entries/" + id))
                    .then().statusCode(204);
        }
        given().auth().oauth2(writer).get(gateway.resolve("/api/journal/entries/" + id)).then().statusCode(404);
    }
}
