package app.detach.system;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Delete my account" end to end: through the gateway, on the real broker and the real Keycloak.
 * The user's request is published as erasure-requested, and the account can no longer sign in.
 * Then SQL on every service's database: no row of any table still names the user (every text
 * column is searched for the user id, and the tables with a user_id column are counted), the
 * journal's data key is gone, and Keycloak has no such account.
 */
@ExtendWith(Stack.class)
class AccountErasureIT {

    @Test
    void erasingTheAccountPublishesTheRequestAndRemovesTheSignIn() throws SQLException {
        String password = "erase-me-please-1";
        String username = KeycloakUsers.create("eraser", password);
        String token = Tokens.password(username, password);
        String userId = given().auth().oauth2(token)
                .get(Stack.get().gatewayUrl() + "/api/me")
                .then().statusCode(200)
                .extract().path("userId");
        String gw = Stack.get().gatewayUrl();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("startedAt", Instant.now().minus(3, ChronoUnit.DAYS).toString(), "timeZone", "Europe/Berlin",
                        "socialMediaCheckBreaks", false))
                .put(gw + "/api/streak").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("body", "to be erased", "mood", 5, "urge", 5, "emotions", List.of("hopeful")))
                .post(gw + "/api/journal/entries").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("intensity", 4, "note", "to be erased"))
                .post(gw + "/api/streak/urges").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("kind", "I_CONTACTED", "note", "to be erased"))
                .post(gw + "/api/streak/contacts").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Europe/Berlin\",\"dailyCheckIn\":{\"enabled\":true,\"localTime\":\"20:00\"},"
                        + "\"channels\":{\"inApp\":true,\"email\":true},\"email\":\"" + username + "@detach.test\",\"newGuides\":true}")
                .put(gw + "/api/notifications/preferences").then().statusCode(200);
        given().auth().oauth2(token).get(gw + "/api/content/today").then().statusCode(200);
        // the test is only worth something if every database holds some of the user's rows first
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Integer> rows = rowsNaming(userId);
            for (String db : DATABASES) {
                assertTrue(rows.getOrDefault(db, 0) > 0, "no row of the user in " + db + " yet: " + rows);
            }
        });
        Map<String, Integer> before = rowsNaming(userId);
        assertEquals(1, count("journal", "SELECT count(*) FROM user_key WHERE user_id = ?", userId), "journal data key");

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
        assertEquals(0, KeycloakUsers.count(username), "Keycloak still lists the account");

        // every service confirms, then SQL finds nothing of the user anywhere
        List<ReceivedEvent> confirmations = events.awaitCount(Topics.ACCOUNT,
                KafkaEvents.keyAndType(userId, EventType.DATA_ERASED.type()), DATABASES.size(), Duration.ofSeconds(60));
        Set<String> services = new TreeSet<>();
        confirmations.forEach(c -> services.add(c.data().get("service").asText()));
        assertEquals(DATABASES.size(), services.size(), "data-erased from " + services);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(Map.of(), rowsNaming(userId), "rows still naming the user"));
        assertEquals(0, count("journal", "SELECT count(*) FROM user_key WHERE user_id = ?", userId), "journal data key");
        int outbox = 0;
        for (String db : DATABASES) {
            outbox += count(db, "SELECT count(*) FROM outbox WHERE record_key = ?", userId);
            // the id alone stays, so that events about the user arriving later are skipped
            assertEquals(1, count(db, "SELECT count(*) FROM erased_user WHERE user_id = ?", userId), db + ": erased_user");
        }
        // the access token issued before the erasure has not expired yet (5 minutes): the services
        // refuse it, so neither a write nor a read that records something brings a row back
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("body", "written after the erasure", "mood", 5, "urge", 5))
                .post(gw + "/api/journal/entries").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("invalid_token"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("intensity", 4))
                .post(gw + "/api/streak/urges").then().statusCode(401);
        given().auth().oauth2(token).get(gw + "/api/content/today").then().statusCode(401);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("timeZone", "UTC"))
                .put(gw + "/api/notifications/preferences").then().statusCode(401);
        assertEquals(Map.of(), rowsNaming(userId), "rows naming the user after writes with the old token");
        System.out.println("erasure: rows naming the user before " + before + ", after none; outbox rows kept: " + outbox);
        Report.row("Attackers", "account erasure: rows naming the user (SQL over every text column of "
                        + DATABASES.size() + " databases, outbox and erased-user ids excepted), journal data key, Keycloak account",
                before.values().stream().mapToInt(Integer::intValue).sum() + " rows before → 0 after; data key gone; account gone"
                        + " (" + outbox + " sent outbox rows keyed by the user id, ids and numbers only, purged after the outbox retention);"
                        + " the unexpired token of the erased account: 401 invalid_token from all four services, 0 rows after");
    }

    private static final List<String> DATABASES = List.of("journal", "streak", "content", "notification");

    /**
     * Per database, how many rows of any table hold the user id in any text-like column (text,
     * varchar, jsonb, arrays). The outbox is left out: its sent rows are the published events
     * (ids and numbers, never text) and are deleted by the outbox purge after its retention. So is
     * {@code erased_user}: the bare id of each erased user, which makes later events about them skipped.
     */
    static Map<String, Integer> rowsNaming(String userId) throws SQLException {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String db : DATABASES) {
            try (Connection c = DriverManager.getConnection(Stack.get().jdbcUrl(db), db, db)) {
                List<String[]> columns = new ArrayList<>();
                try (PreparedStatement q = c.prepareStatement("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                          AND c.table_name NOT IN ('outbox', 'erased_user', 'flyway_schema_history')
                          AND (c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY') OR c.column_name LIKE '%user%')
                        """); ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                int rows = 0;
                for (String[] column : columns) {
                    rows += count(c, "SELECT count(*) FROM \"" + column[0] + "\" WHERE \"" + column[1]
                            + "\"::text LIKE '%' || ? || '%'", userId);
                }
                if (rows > 0) {
                    found.put(db, rows);
                }
            }
        }
        return found;
    }

    private static int count(String db, String sql, String arg) throws SQLException {
        try (Connection c = DriverManager.getConnection(Stack.get().jdbcUrl(db), db, db)) {
            return count(c, sql, arg);
        }
    }

    private static int count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, arg);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
