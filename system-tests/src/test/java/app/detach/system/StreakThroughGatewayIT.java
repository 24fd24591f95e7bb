package app.detach.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The streak journey of an API client through the gateway with a real Keycloak token: start no
 * contact, log an urge and a contact, read the streak, history, calendar and milestones back.
 * Uses the dev realm's {@code admin} account (WalkingSkeletonIT expects {@code demo} to have no streak).
 */
@ExtendWith(Stack.class)
class StreakThroughGatewayIT {

    private static URI gateway;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    @Test
    void startLogAnUrgeAndAContactThenReadItBack() {
        String token = Tokens.password("admin", "admin");
        // a minute ago: later than any streak an earlier run left behind, so this (re)starts
        Instant startedAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);

        String streakId = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("startedAt", startedAt.toString(), "timeZone", "Europe/Vienna", "socialMediaCheckBreaks", false))
                .put(gateway.resolve("/api/streak"))
                .then().statusCode(200)
                .body("currentDays", equalTo(0))
                .body("timeZone", equalTo("Europe/Vienna"))
                .body("nextMilestone.day", equalTo(1))
                .extract().path("streakId");

        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("intensity", 7, "note", "walked past our café"))
                .post(gateway.resolve("/api/streak/urges"))
                .then().statusCode(201)
                .body("urgesResisted", greaterThanOrEqualTo(1));

        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("kind", "THEY_CONTACTED_IGNORED"))
                .post(gateway.resolve("/api/streak/contacts"))
                .then().statusCode(201)
                .body("brokeStreak", equalTo(false))
                .body("streak.streakId", equalTo(streakId));

        given().auth().oauth2(token).get(gateway.resolve("/api/streak"))
                .then().statusCode(200)
                .body("streakId", equalTo(streakId))
                .body("startedAt", equalTo(startedAt.toString()))
                .body("urgesResisted", greaterThanOrEqualTo(1))
                .body("lastContactAt", notNullValue());
        given().auth().oauth2(token).get(gateway.resolve("/api/streak/history"))
                .then().statusCode(200).body("current.streakId", equalTo(streakId));
        given().auth().oauth2(token).get(gateway.resolve("/api/streak/calendar"))
                .then().statusCode(200).body("days.status", hasItem("KEPT"));
        given().auth().oauth2(token).get(gateway.resolve("/api/streak/milestones"))
                .then().statusCode(200).body("items[0].day", equalTo(1));

        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("kind", "SOMETHING_ELSE"))
                .post(gateway.resolve("/api/streak/contacts"))
                .then().statusCode(400).contentType("application/problem+json");
    }
}
