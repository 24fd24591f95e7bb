package app.detach.journal.archive;

import app.detach.journal.JournalApi;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class ArchiveResourceTest {

    private static final String PATH = "/api/journal/archive";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken(PATH);
    }

    @Test
    void anEmptyJournalExportsAnEmptyArchive() {
        get(TestTokens.user("empty-" + UUID.randomUUID())).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("version", equalTo(1))
                .body("entries", empty()).body("drafts", empty()).body("reasons", empty());
    }

    @Test
    void exportThenRestoreIntoAnotherAccountGivesTheSameJournalWithItsTimestampsAndNoEvents() throws Exception {
        String alice = "exporter-" + UUID.randomUUID();
        String aliceToken = TestTokens.user(alice);
        JournalApi api = JournalApi.as(alice);
        Map<String, Object> first = new java.util.LinkedHashMap<>(JournalApi.entry("first 🌱", 3, 8, "sad"));
        first.put("timeZone", "Europe/Rome");
        first.put("promptId", "fd-02");
        api.post(first).statusCode(201);
        api.create("second", 7, 2, "proud", "calm");
        String draft = given().auth().oauth2(aliceToken).contentType(ContentType.JSON)
                .body(Map.of("body", "text him", "timeZone", "Europe/Rome")).post("/api/journal/drafts").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON).body(Map.of("outcome", "KEPT_UNSENT"))
                .post("/api/journal/drafts/{id}/outcome", draft).then().statusCode(200);
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON).body(Map.of("body", "undecided"))
                .post("/api/journal/drafts").then().statusCode(201);
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON)
                .body(Map.of("reasons", List.of("peace", "sleep"))).put("/api/journal/reasons").then().statusCode(200);

        String exported = get(aliceToken).statusCode(200)
                .body("entries.body", contains("first 🌱", "second"))
                .body("entries[0].timeZone", equalTo("Europe/Rome"))
                .body("entries[0].promptId", equalTo("fd-02"))
                .body("drafts.body", contains("text him", "undecided"))
                .body("drafts[0].outcome", equalTo("KEPT_UNSENT"))
                .body("reasons", contains("peace", "sleep"))
                .extract().asString();

        String bob = "importer-" + UUID.randomUUID();
        String bobToken = TestTokens.user(bob);
        post(bobToken, exported).statusCode(201)
                .body("restored.entries", equalTo(2)).body("restored.drafts", equalTo(2))
                .body("restored.reasons", equalTo(2));

        JsonNode before = json.readTree(exported);
        JsonNode after = json.readTree(get(bobToken).statusCode(200).extract().asString());
        assertEquals(withoutIds(before), withoutIds(after), "the restored journal is the exported one");
        assertNotEquals(before.get("entries").get(0).get("id"), after.get("entries").get(0).get("id"),
                "restored records get ids of their own");
        JournalApi.as(bob).list(Map.of()).statusCode(200).body("items.body", contains("second", "first 🌱"));
        assertEquals(0L, count("SELECT count(*) FROM outbox WHERE record_key = ?", bob), "a restore records no event");
        assertEquals(1L, count("SELECT count(*) FROM user_key WHERE user_id = ?", bob));
        // the archive is still Alice's too
        get(aliceToken).statusCode(200).body("entries", hasSize(2));
    }

    @Test
    void aJournalThatIsNotEmptyIsNotOverwritten() {
        String token = TestTokens.user("not-empty-" + UUID.randomUUID());
        String archive = "{\"version\":1,\"entries\":[],\"drafts\":[],\"reasons\":[\"one\"]}";
        post(token, archive).statusCode(201).body("restored.reasons", equalTo(1));
        post(token, archive).statusCode(409).contentType("application/problem+json");
        // reasons cleared: the journal is empty again and may receive an archive
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reasons", List.of()))
                .put("/api/journal/reasons").then().statusCode(200);
        post(token, archive).statusCode(201);

        String withDraft = TestTokens.user("has-draft-" + UUID.randomUUID());
        given().auth().oauth2(withDraft).contentType(ContentType.JSON).body(Map.of("body", "x"))
                .post("/api/journal/drafts").then().statusCode(201);
        post(withDraft, archive).statusCode(409);
        get(withDraft).statusCode(200).body("reasons", empty());
    }

    @Test
    void anArchiveLargerThanTheOrdinaryBodyLimitIsRestoredWhileOtherPathsKeepIt() {
        String token = TestTokens.user("large-archive-" + UUID.randomUUID());
        StringBuilder archive = new StringBuilder("{\"version\":1,\"drafts\":[],\"reasons\":[],\"entries\":[");
        for (int i = 0; i < 20; i++) { // 20 × 19,000 characters ≈ 380 KB, over the 256 KiB of every other path
            archive.append(i == 0 ? "" : ",").append("{\"body\":\"").append("a".repeat(19_000))
                    .append("\",\"mood\":5,\"urge\":5,\"createdAt\":\"2026-01-01T10:00:00Z\"}");
        }
        archive.append("]}");
        post(token, archive.toString()).statusCode(201).body("restored.entries", equalTo(20));

        String oversizedEntry = "{\"body\":\"" + "a".repeat(300_000) + "\",\"mood\":5,\"urge\":5}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(oversizedEntry)
                .post("/api/journal/entries").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aBadArchiveIsAProblemNamingEachFieldAndRestoresNothing() {
        String userId = "bad-archive-" + UUID.randomUUID();
        String token = TestTokens.user(userId);
        post(token, "{\"version\":2,\"entries\":[]}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("version"));
        post(token, "{\"entries\":[]}").statusCode(400).body("errors.field", hasItem("version"));
        post(token, "{\"version\":1,\"entries\":{},\"extra\":1}").statusCode(400)
                .body("errors.field", hasItems("entries", "extra"));
        String invalid = "{\"version\":1,\"entries\":[{\"body\":\"ok\",\"mood\":5,\"urge\":5,\"createdAt\":\"2026-01-01T10:00:00Z\"},"
                + "{\"body\":\"\",\"mood\":11,\"urge\":5,\"emotions\":[\"meh\"],\"createdAt\":\"yesterday\",\"noContactDay\":-1,"
                + "\"timeZone\":\"Nowhere\",\"secret\":1}],"
                + "\"drafts\":[{\"body\":\"d\",\"outcome\":\"SENT\",\"createdAt\":\"2026-01-01T10:00:00Z\"},"
                + "{\"body\":\"d\",\"outcome\":\"LATER\"}],"
                + "\"reasons\":[\"\"]}";
        post(token, invalid).statusCode(400).body("errors.field", hasItems("entries[1].body", "entries[1].mood",
                "entries[1].emotions[0]", "entries[1].createdAt", "entries[1].noContactDay", "entries[1].timeZone",
                "entries[1].secret", "drafts[0].decidedAt", "drafts[1].outcome", "drafts[1].createdAt", "reasons[0]"));
        post(token, "[]").statusCode(400);
        post(token, "{\"version\":").statusCode(400);
        get(token).statusCode(200).body("entries", empty()).body("drafts", empty()).body("reasons", empty());
    }

    @Test
    void anArchiveMayBeLargerThanOtherRequests() {
        String token = TestTokens.user("big-" + UUID.randomUUID());
        ObjectNode archive = json.createObjectNode().put("version", 1);
        ArrayNode entries = archive.putArray("entries");
        for (int i = 0; i < 40; i++) {
            entries.addObject().put("body", ("entry " + i + " ").repeat(1_500).strip()).put("mood", 5).put("urge", 5)
                    .put("createdAt", "2026-01-01T10:00:" + String.format("%02d", i) + "Z");
        }
        String body = archive.toString();
        org.junit.jupiter.api.Assertions.assertTrue(body.length() > 300 * 1024, "over the 256 KiB of other requests");
        post(token, body).statusCode(201).body("restored.entries", equalTo(40));
        get(token).statusCode(200).body("entries", hasSize(40))
                .body("entries[0].createdAt", equalTo("2026-01-01T10:00:00Z"));
    }

    private static JsonNode withoutIds(JsonNode archive) {
        JsonNode copy = archive.deepCopy();
        for (String list : new String[] {"entries", "drafts"}) {
            copy.get(list).forEach(item -> ((ObjectNode) item).remove("id"));
        }
        return copy;
    }

    private static long count(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse get(String token) {
        return given().auth().oauth2(token).get(PATH).then();
    }

    private static ValidatableResponse post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH).then();
    }
}
