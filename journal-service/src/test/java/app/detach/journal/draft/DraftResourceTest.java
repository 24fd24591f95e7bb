package app.detach.journal.draft;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class DraftResourceTest {

    private static final String PATH = "/api/journal/drafts";

    @Inject
    UserKeys keys;

    @Inject
    BodyCipher cipher;

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken(PATH);
        ServiceChecks.refusesCallersWithoutAValidToken(PATH + "/" + UUID.randomUUID());
    }

    @Test
    void writeReadDecideAndDeleteADraft() {
        Drafts me = new Drafts("drafter-" + UUID.randomUUID());
        var created = me.post(Map.of("body", "  I miss you. Can we talk? 💬 ", "timeZone", "Europe/Berlin"))
                .statusCode(201)
                .body("body", equalTo("I miss you. Can we talk? 💬"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("outcome", nullValue())
                .body("decidedAt", nullValue())
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(PATH + "/" + id));
        Instant createdAt = Instant.parse(created.path("createdAt"));
        assertEquals(createdAt.plus(Duration.ofMinutes(10)), Instant.parse(created.path("pauseUntil")),
                "the default pause is ten minutes");

        me.get(id).statusCode(200).body("id", equalTo(id)).body("body", equalTo("I miss you. Can we talk? 💬"));

        me.decide(id, "KEPT_UNSENT").statusCode(200)
                .body("outcome", equalTo("KEPT_UNSENT"))
                .body("decidedAt", notNullValue())
                .body("body", equalTo("I miss you. Can we talk? 💬"));
        me.decide(id, "SENT").statusCode(409).contentType("application/problem+json");
        me.decide(id, "KEPT_UNSENT").statusCode(409);
        me.get(id).statusCode(200).body("outcome", equalTo("KEPT_UNSENT"));

        me.delete(id).statusCode(204);
        me.get(id).statusCode(404);
        me.delete(id).statusCode(404);
        me.decide(id, "SENT").statusCode(404);
    }

    @Test
    void anotherUsersDraftIsNotFoundForEveryOperation() {
        Drafts owner = new Drafts("owner-" + UUID.randomUUID());
        Drafts intruder = new Drafts("intruder-" + UUID.randomUUID());
        String id = owner.create("only mine");

        intruder.get(id).statusCode(404).contentType("application/problem+json");
        intruder.decide(id, "SENT").statusCode(404);
        intruder.delete(id).statusCode(404);
        intruder.list(Map.of()).statusCode(200).body("items", empty());
        intruder.get("not-a-uuid").statusCode(404);

        owner.get(id).statusCode(200).body("outcome", nullValue()).body("body", equalTo("only mine"));
        owner.list(Map.of()).statusCode(200).body("items.id", contains(id));
    }

    @Test
    void listIsNewestFirstInKeysetPages() {
        Drafts me = new Drafts("pager-" + UUID.randomUUID());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(me.create("draft " + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = cursor == null ? Map.of("limit", 2) : Map.of("limit", 2, "cursor", cursor);
            var page = me.list(query).statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)), seen);
        me.list(Map.of("limit", 0)).statusCode(400).body("errors.field", hasItem("limit"));
        me.list(Map.of("cursor", "garbage")).statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void invalidDraftsAndOutcomesAreProblemsNaming() {
        Drafts me = new Drafts("invalid-" + UUID.randomUUID());
        me.post(Map.of("body", "   ")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        me.post(Map.of("body", "x".repeat(20_001))).statusCode(400).body("errors.field", hasItem("body"));
        me.post(Map.of("body", "🙂".repeat(20_000))).statusCode(201);
        me.post(Map.of("body", "ok", "timeZone", "Mars/Olympus")).statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        me.post(Map.of("body", "ok", "timeZone", "+02:00")).statusCode(400).body("errors.field", hasItem("timeZone"));
        me.post(Map.of("body", 5, "sendTo", "him")).statusCode(400).body("errors.field", hasItems("body", "sendTo"));
        me.post("[1]").statusCode(400);
        me.post("{\"body\":").statusCode(400);
        given().auth().oauth2(me.token).contentType(ContentType.TEXT).body("hello").post(PATH).then().statusCode(415);

        String id = me.create("decide me");
        me.decideRaw(id, Map.of("outcome", "MAYBE")).statusCode(400).body("errors.field", hasItem("outcome"));
        me.decideRaw(id, Map.of()).statusCode(400).body("errors.field", hasItem("outcome"));
        me.decideRaw(id, Map.of("outcome", "SENT", "extra", 1)).statusCode(400).body("errors.field", hasItem("extra"));
        me.get(id).statusCode(200).body("outcome", nullValue());
        me.decide(id, "SENT").statusCode(200).body("outcome", equalTo("SENT"));
    }

    @Test
    void twoDecisionsAtOnceRecordExactlyOne() throws Exception {
        Drafts me = new Drafts("racer-" + UUID.randomUUID());
        String id = me.create("race");
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String outcome : new String[] {"SENT", "KEPT_UNSENT", "SENT", "KEPT_UNSENT"}) {
            Thread thread = new Thread(() -> statuses.add(me.decide(id, outcome).extract().statusCode()));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        assertEquals(4, statuses.size());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void theDraftIsEncryptedUnderTheUsersKeyAndBoundToItsRecordAndNeverInTheOutbox() throws Exception {
        String userId = "cipher-" + UUID.randomUUID();
        Drafts me = new Drafts(userId);
        String marker = "unsent-" + UUID.randomUUID();
        String id = me.create("Please answer me " + marker);

        byte[] stored;
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT body_ciphertext FROM journal_draft WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                stored = rs.getBytes(1);
            }
        }
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(marker), "draft in clear");
        SecretKey dek = keys.forReading(userId).await().indefinitely().orElseThrow();
        assertEquals("Please answer me " + marker, cipher.decryptDraft(dek, userId, UUID.fromString(id), stored));
        // the same bytes do not open as an entry of the same id, nor as another user's draft
        assertThrows(RuntimeException.class, () -> cipher.decrypt(dek, userId, UUID.fromString(id), stored));
        assertThrows(RuntimeException.class, () -> cipher.decryptDraft(dek, "other", UUID.fromString(id), stored));
        assertEquals(0L, count("SELECT count(*) FROM outbox WHERE record_key = ? OR payload::text LIKE ?", userId,
                "%" + marker + "%"), "drafts record no event");
    }

    @Test
    void draftsAndEntriesShareOneDataKey() {
        String userId = "shared-key-" + UUID.randomUUID();
        Drafts me = new Drafts(userId);
        me.create("first a draft");
        app.detach.journal.JournalApi.as(userId).create("then an entry", 5, 5);
        assertEquals(1L, count("SELECT count(*) FROM user_key WHERE user_id = ?", userId));
        Set<String> bodies = new HashSet<>(me.list(Map.of()).extract().path("items.body"));
        assertEquals(Set.of("first a draft"), bodies);
        me.list(Map.of()).body("items", hasSize(1));
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

    /** The drafts API as one user sees it. */
    static final class Drafts {

        final String token;

        Drafts(String userId) {
            this.token = TestTokens.user(userId);
        }

        ValidatableResponse post(Object json) {
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post(PATH).then();
        }

        String create(String body) {
            return post(Map.of("body", body)).statusCode(201).extract().path("id");
        }

        ValidatableResponse get(String id) {
            return given().auth().oauth2(token).get(PATH + "/{id}", id).then();
        }

        ValidatableResponse list(Map<String, ?> query) {
            return given().auth().oauth2(token).queryParams(query).get(PATH).then();
        }

        ValidatableResponse decide(String id, String outcome) {
            return decideRaw(id, Map.of("outcome", outcome));
        }

        ValidatableResponse decideRaw(String id, Object json) {
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                    .post(PATH + "/{id}/outcome", id).then();
        }

        ValidatableResponse delete(String id) {
            return given().auth().oauth2(token).delete(PATH + "/{id}", id).then();
        }
    }
}
