package app.detach.system;

import app.detach.local.Service;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At least 2,000 malformed requests, generated from every service's OpenAPI document
 * ({@link MalformedRequests}), sent through the gateway with real tokens: no answer is a 5xx, every
 * answer to an invalid request is a 4xx problem+json, and another user's data is exactly as before.
 * The senders are throwaway accounts with the admin role (so admin routes reach their service too),
 * taken in turn so that no one of them reaches the gateway's per-user rate limit.
 */
@ExtendWith(Stack.class)
class BadInputIT {

    private static final String PASSWORD = "bad-input-pw-1";
    private static final int SENDERS = 10;
    // the SSE stream never ends by itself; account erasure would delete the sender
    private static final Set<String> SKIPPED = Set.of("GET /api/notifications/stream", "DELETE /api/me");

    /** The journal entry body as its README documents it (the resource reads a raw JsonNode). */
    private static final JsonNode ENTRY = parse("""
            {"type":"object","required":["body","mood","urge"],"properties":{
              "body":{"type":"string","maxLength":20000},
              "mood":{"type":"integer","minimum":1,"maximum":10},
              "urge":{"type":"integer","minimum":0,"maximum":10},
              "emotions":{"type":"array","maxItems":10,"items":{"type":"string","enum":["sad"]}},
              "promptId":{"type":"string"}}}""");
    private static final Map<String, JsonNode> DOCUMENTED_BODIES = Map.of(
            "/api/journal/entries", ENTRY, "/api/journal/entries/{id}", ENTRY);

    private static JsonNode parse(String json) {
        try {
            return MalformedRequests.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final URI gateway = URI.create(Stack.get().gatewayUrl());
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void malformedRequestsGetA4xxProblemAndChangeNothingOfAnotherUser() throws Exception {
        String victim = Tokens.password(KeycloakUsers.create("victim", PASSWORD), PASSWORD);
        Map<String, String> victimIds = victimData(victim);
        Map<String, String> before = snapshot(victim, victimIds);

        List<String> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            String username = KeycloakUsers.create("fuzz", PASSWORD);
            KeycloakUsers.grantRealmRole(username, "admin");
            senders.add(Tokens.password(username, PASSWORD));
        }

        List<MalformedRequests.Case> corpus = new ArrayList<>();
        Map<String, Integer> perService = new TreeMap<>();
        int operations = 0;
        for (Service service : List.of(Service.JOURNAL, Service.STREAK, Service.CONTENT, Service.NOTIFICATION)) {
            JsonNode openApi = MalformedRequests.JSON.readTree(given()
                    .get(Stack.get().serviceUrl(service) + "/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
            MalformedRequests generator = new MalformedRequests(openApi.path("components"), victimIds, DOCUMENTED_BODIES);
            for (MalformedRequests.Operation op : MalformedRequests.operations(openApi, SKIPPED)) {
                if (!op.template().startsWith("/api/")) {
                    continue;
                }
                operations++;
                List<MalformedRequests.Case> cases = generator.generate(op);
                corpus.addAll(cases);
                perService.merge(service.module(), cases.size(), Integer::sum);
            }
        }
        assertTrue(corpus.size() >= 2000, "only " + corpus.size() + " cases generated");

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int fiveXx = 0;
        int acceptedHostileText = 0;
        long started = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            MalformedRequests.Case c = corpus.get(i);
            HttpResponse<String> response = send(c, senders, i);
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                fiveXx++;
                failures.add(status + " " + c.describe() + " → " + abbreviate(response.body()));
            } else if (status >= 400) {
                if (!contentType.startsWith("application/problem+json")) {
                    failures.add(status + " without problem+json (" + contentType + ") " + c.describe());
                }
            } else if (c.strict()) {
                failures.add(status + " accepted " + c.describe() + " → " + abbreviate(response.body()));
            } else {
                acceptedHostileText++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("bad input: %d requests over %d operations in %.1f s, by service %s, statuses %s%n",
                corpus.size(), operations, seconds, perService, statuses);
        failures.stream().limit(60).forEach(f -> System.out.println("bad input failure: " + f));

        Map<String, String> after = snapshot(victim, victimIds);
        assertEquals(before, after, "the victim's data changed");
        for (Service service : Service.values()) {
            given().get(Stack.get().serviceUrl(service) + "/q/health/ready").then().statusCode(200);
        }
        Report.row("Bad input", "malformed requests from the OpenAPI documents (" + operations + " operations)",
                corpus.size() + " sent, " + fiveXx + " × 5xx, " + (failures.size() - fiveXx) + " other wrong answers, "
                        + acceptedHostileText + " hostile strings accepted as plain text; statuses " + statuses
                        + "; another user's data unchanged");
        assertEquals(List.of(), failures.stream().limit(60).toList(), failures.size() + " wrong answers");
    }

    private HttpResponse<String> send(MalformedRequests.Case c, List<String> senders, int index) throws Exception {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + c.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + senders.get((index + attempt) % senders.size()))
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(c.body()));
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429) {
                return response;
            }
            // never expected with the senders taken in turn; wait for the bucket rather than count it
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
        return response;
    }

    /** A journal entry, a streak with a contact and an urge, preferences: everything a fuzzer could hit. */
    private Map<String, String> victimData(String victim) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("entries", given().auth().oauth2(victim).contentType(ContentType.JSON)
                .body(Map.of("body", "the victim's own words", "mood", 3, "urge", 7, "emotions", List.of("sad")))
                .post(gateway.resolve("/api/journal/entries")).then().statusCode(201).extract().path("id"));
        given().auth().oauth2(victim).contentType(ContentType.JSON)
                .body(Map.of("startedAt", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "timeZone", "Europe/Lisbon", "socialMediaCheckBreaks", true))
                .put(gateway.resolve("/api/streak")).then().statusCode(200);
        given().auth().oauth2(victim).contentType(ContentType.JSON).body(Map.of("intensity", 6, "note", "victim urge"))
                .post(gateway.resolve("/api/streak/urges")).then().statusCode(201);
        given().auth().oauth2(victim).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Europe/Lisbon\",\"dailyCheckIn\":{\"enabled\":true,\"localTime\":\"21:30\"},"
                        + "\"channels\":{\"inApp\":true,\"email\":false},\"newGuides\":true}")
                .put(gateway.resolve("/api/notifications/preferences")).then().statusCode(200);
        ids.put("userId", given().auth().oauth2(victim).get(gateway.resolve("/api/me")).then().statusCode(200)
                .extract().path("userId"));
        // the streak's events reach the journal, content and notification projections; let them settle
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> snapshot(victim, ids), s -> s.equals(snapshotQuietly(victim, ids)));
        return ids;
    }

    private Map<String, String> snapshotQuietly(String victim, Map<String, String> ids) {
        return snapshot(victim, ids);
    }

    private Map<String, String> snapshot(String victim, Map<String, String> ids) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/api/journal/entries?limit=100", "/api/journal/entries/" + ids.get("entries"),
                "/api/streak/history", "/api/streak/milestones", "/api/notifications/preferences",
                "/api/notifications?limit=100", "/api/notifications/unread-count")) {
            state.put(path, given().auth().oauth2(victim).get(gateway.resolve(path)).then().statusCode(200).extract().asString());
        }
        // the current streak's counters move with the clock (days); compare what a request can change
        Map<String, Object> streak = given().auth().oauth2(victim).get(gateway.resolve("/api/streak"))
                .then().statusCode(200).extract().as(Map.class);
        state.put("/api/streak", streak.get("startedAt") + " " + streak.get("timeZone") + " urges=" + streak.get("urgesResisted")
                + " last=" + streak.get("lastContactAt"));
        return state;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
