package app.detach.system;

import io.restassured.response.ValidatableResponse;
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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Issue 11's streak journey through the gateway with a real Keycloak token, for a fresh user:
 * day settings (late day start, pinned zone, limited contact), a necessary contact that is not a
 * slip, the daily check-in, a readiness check, ending no contact by choice, and the archive
 * restored into another fresh account.
 */
@ExtendWith(Stack.class)
class StreakDayThroughGatewayIT {

    private static URI gateway;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    private static ValidatableResponse send(String token, String method, String path, Object body) {
        var request = given().auth().oauth2(token).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, gateway.resolve(path)).then();
    }

    @Test
    void settingsCheckInReadinessChosenEndAndArchive() {
        String token = Tokens.password(KeycloakUsers.create("streakday", "streak-day-1"), "streak-day-1");
        Instant startedAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

        send(token, "PUT", "/api/streak/settings", Map.of("timeZone", "Europe/Vienna", "zoneMode", "PIN_HOME",
                "dayStartHour", 3, "socialMediaCheckBreaks", false, "limitedContact", Map.of("enabled", true)))
                .statusCode(200).body("dayStartHour", equalTo(3));
        String streakId = send(token, "PUT", "/api/streak", Map.of("startedAt", startedAt.toString(),
                "timeZone", "Europe/Vienna")).statusCode(200)
                .body("zoneMode", equalTo("PIN_HOME"))
                .body("limitedContact.enabled", equalTo(true))
                .extract().path("streakId");

        send(token, "POST", "/api/streak/contacts", Map.of("kind", "I_CONTACTED", "purpose", "CO_PARENTING",
                "timeZone", "Asia/Tokyo")).statusCode(201)
                .body("brokeStreak", equalTo(false))
                .body("purpose", equalTo("CO_PARENTING"))
                .body("streak.timeZone", equalTo("Europe/Vienna"));
        send(token, "POST", "/api/streak/check-ins", Map.of("timeZone", "Europe/Vienna")).statusCode(201)
                .body("checkInStreakDays", equalTo(1));
        send(token, "POST", "/api/streak/check-ins", Map.of()).statusCode(200).body("alreadyCheckedIn", equalTo(true));
        send(token, "GET", "/api/streak", null).statusCode(200).body("checkIn.checkedInToday", equalTo(true));

        send(token, "GET", "/api/streak/readiness/questions", null).statusCode(200).body("questions[0].articleSlug",
                notNullValue());
        String check = send(token, "POST", "/api/streak/readiness-checks",
                Map.of("answers", Map.of("settled", 4, "hopes", "to wish them well"))).statusCode(201)
                .body("summary", notNullValue()).extract().path("id");

        String archive = send(token, "GET", "/api/streak/archive", null).statusCode(200).extract().asString();

        send(token, "POST", "/api/streak/end", Map.of("readinessCheckId", check)).statusCode(200)
                .body("streakId", equalTo(streakId)).body("endedBy", equalTo("CHOSEN"));
        send(token, "GET", "/api/streak", null).statusCode(404);
        send(token, "GET", "/api/streak/history", null).statusCode(200).body("items[0].endedBy", equalTo("CHOSEN"));

        String other = Tokens.password(KeycloakUsers.create("streakdaycopy", "streak-day-2"), "streak-day-2");
        send(other, "POST", "/api/streak/archive", archive).statusCode(201)
                .body("restored.streaks", equalTo(1)).body("restored.checkIns", equalTo(1));
        send(other, "GET", "/api/streak", null).statusCode(200).body("dayStartHour", equalTo(3))
                .body("currentDays", notNullValue());
        send(other, "GET", "/api/streak/readiness-checks", null).statusCode(200).body("items", hasSize(1));
        send(other, "POST", "/api/streak/archive", archive).statusCode(409).contentType("application/problem+json");
    }
}
