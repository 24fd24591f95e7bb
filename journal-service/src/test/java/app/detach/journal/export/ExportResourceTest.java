package app.detach.journal.export;

import app.detach.journal.JournalApi;
import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.KeyRing;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExportResourceTest {

    private static final String PATH = "/api/journal/export";
    private static final int MANY = 2_000;

    @Inject
    KeyRing ring;

    @Inject
    BodyCipher cipher;

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken(PATH);
    }

    @Test
    void exportsManyEntriesAsAStreamedJsonDownloadOldestFirst() throws Exception {
        String userId = "exporter-" + UUID.randomUUID();
        String newest = JournalApi.as(userId).create("the newest entry, through the API", 7, 2, "proud");
        Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        insertEncrypted(userId, base);
        JournalApi.as("someone-else-" + UUID.randomUUID()).create("not mine", 5, 5);

        Response response = given().auth().oauth2(TestTokens.user(userId)).queryParam("format", "json").get(PATH);
        assertEquals(200, response.statusCode());
        assertThat(response.contentType(), startsWith("application/json"));
        assertEquals("attachment; filename=\"detach-journal-" + LocalDate.now(ZoneOffset.UTC) + ".json\"",
                response.header("Content-Disposition"));
        assertEquals("chunked", response.header("Transfer-Encoding"), "streamed, not buffered into one answer");

        JsonPath json = response.jsonPath();
        List<String> bodies = json.getList("entries.body");
        assertEquals(MANY + 1, bodies.size());
        assertEquals("entry number 0", bodies.get(0));
        assertEquals("entry number " + (MANY - 1) + " ✍️", bodies.get(MANY - 1));
        assertEquals("the newest entry, through the API", bodies.get(MANY));
        assertEquals(newest, json.getString("entries[" + MANY + "].id"));
        assertEquals(List.of("proud"), json.getList("entries[" + MANY + "].emotions"));
        assertEquals(4, json.getInt("entries[3].mood"), "1 + 3 % 10");
        assertFalse(bodies.contains("not mine"));
    }

    @Test
    void exportsMarkdownWithHeadingsNumbersFeelingsAndPrompts() {
        String userId = "markdown-" + UUID.randomUUID();
        JournalApi api = JournalApi.as(userId);
        api.create("First *thoughts*.", 4, 7, "sad", "lonely");
        Map<String, Object> answered = JournalApi.entry("My answer to the prompt.", 6, 3);
        answered.put("promptId", "fw-02");
        api.post(answered).statusCode(201);

        Response response = given().auth().oauth2(TestTokens.user(userId))
                .queryParam("format", "markdown").queryParam("tz", "Europe/Paris").get(PATH);
        assertEquals(200, response.statusCode());
        assertThat(response.contentType(), startsWith("text/markdown"));
        assertThat(response.header("Content-Disposition"), containsString(".md\""));
        String text = response.asString();
        assertTrue(text.startsWith("# My Detach journal"));
        assertThat(text, containsString("Mood 4/10 · Urge to make contact 7/10"));
        assertThat(text, containsString("Feelings: sad, lonely"));
        assertThat(text, containsString("First *thoughts*."));
        assertThat(text, containsString("> Which pattern from the relationship"));
        assertTrue(text.indexOf("First *thoughts*.") < text.indexOf("My answer to the prompt."), "oldest first");
    }

    @Test
    void anEmptyJournalExportsAnEmptyListAndUnknownFormatsAre400() {
        JournalApi api = JournalApi.as("nothing-" + UUID.randomUUID());
        api.get(PATH, Map.of()).statusCode(200)
                .body("entries.size()", equalTo(0))
                .body("missing", nullValue());
        api.get(PATH, Map.of("format", "pdf")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("format"));
    }

    /** Entries inserted straight into the table, encrypted with the user's real data key, to keep the test fast. */
    private void insertEncrypted(String userId, Instant base) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            SecretKey dek;
            try (PreparedStatement s = c.prepareStatement("SELECT kek_version, wrapped_dek FROM user_key WHERE user_id = ?")) {
                s.setString(1, userId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    dek = ring.unwrap(rs.getBytes(2), userId, rs.getString(1));
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO journal_entry (id, user_id, body_ciphertext,"
                    + " mood, urge, emotions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '{tired}', ?, ?)")) {
                for (int i = 0; i < MANY; i++) {
                    UUID id = UUID.randomUUID();
                    String body = "entry number " + i + (i == MANY - 1 ? " ✍️" : "");
                    Timestamp at = Timestamp.from(base.plusSeconds(i));
                    s.setObject(1, id);
                    s.setString(2, userId);
                    s.setBytes(3, cipher.encrypt(dek, userId, id, body));
                    s.setInt(4, 1 + i % 10);
                    s.setInt(5, i % 11);
                    s.setTimestamp(6, at);
                    s.setTimestamp(7, at);
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        }
    }
}
