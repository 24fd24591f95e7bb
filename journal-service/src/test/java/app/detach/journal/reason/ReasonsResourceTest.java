package app.detach.journal.reason;

import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ReasonsResourceTest {

    private static final String PATH = "/api/journal/reasons";

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken(PATH);
    }

    @Test
    void reasonsAreEmptyFirstThenReplacedAsAWholeAndOnlyTheirAuthorSeesThem() {
        String token = TestTokens.user("reasons-" + UUID.randomUUID());
        String other = TestTokens.user("other-" + UUID.randomUUID());
        get(token).statusCode(200).body("reasons", empty()).body("updatedAt", nullValue());

        put(token, Map.of("reasons", List.of("  He never listened. ", "I sleep better now 🌙"))).statusCode(200)
                .body("reasons", contains("He never listened.", "I sleep better now 🌙"))
                .body("updatedAt", notNullValue());
        get(token).statusCode(200).body("reasons", contains("He never listened.", "I sleep better now 🌙"));
        get(other).statusCode(200).body("reasons", empty());

        put(token, Map.of("reasons", List.of("Only this one"))).statusCode(200);
        get(token).statusCode(200).body("reasons", contains("Only this one"));
        put(token, Map.of("reasons", List.of())).statusCode(200).body("reasons", empty());
        get(token).statusCode(200).body("reasons", empty()).body("updatedAt", nullValue());
    }

    @Test
    void invalidReasonsAreProblemsNamingEachOneAndChangeNothing() {
        String token = TestTokens.user("invalid-reasons-" + UUID.randomUUID());
        put(token, Map.of("reasons", List.of("keep me"))).statusCode(200);

        List<String> tooMany = new ArrayList<>(Collections.nCopies(21, "a reason"));
        put(token, Map.of("reasons", tooMany)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reasons"));
        put(token, Map.of("reasons", Collections.nCopies(20, "ok"))).statusCode(200);
        put(token, Map.of("reasons", List.of("keep me"))).statusCode(200);
        put(token, Map.of("reasons", List.of("ok", "  ", "x".repeat(501), "🙂".repeat(500))))
                .statusCode(400).body("errors.field", hasItems("reasons[1]", "reasons[2]"));
        put(token, "{\"reasons\":[\"ok\", 3]}").statusCode(400).body("errors.field", hasItem("reasons[1]"));
        put(token, "{\"reasons\":\"one\"}").statusCode(400).body("errors.field", hasItem("reasons"));
        put(token, "{}").statusCode(400).body("errors.field", hasItem("reasons"));
        put(token, "{\"reasons\":[],\"why\":1}").statusCode(400).body("errors.field", hasItem("why"));
        put(token, "[]").statusCode(400);
        put(token, "{\"reasons\":").statusCode(400);
        get(token).statusCode(200).body("reasons", contains("keep me"));
    }

    @Test
    void reasonsAreEncryptedAtRest() throws Exception {
        String userId = "secret-reasons-" + UUID.randomUUID();
        String marker = "reason-" + UUID.randomUUID();
        put(TestTokens.user(userId), Map.of("reasons", List.of(marker))).statusCode(200);
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT reasons_ciphertext FROM journal_reasons WHERE user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertFalse(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains(marker));
            }
        }
        get(TestTokens.user(userId)).body("reasons", contains(marker));
    }

    private static ValidatableResponse get(String token) {
        return given().auth().oauth2(token).get(PATH).then();
    }

    private static ValidatableResponse put(String token, Object json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).put(PATH).then();
    }
}
