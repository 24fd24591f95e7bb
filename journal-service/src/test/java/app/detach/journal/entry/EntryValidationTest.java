package app.detach.journal.entry;

import app.detach.journal.JournalApi;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.detach.journal.JournalApi.entry;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class EntryValidationTest {

    private final String userId = "validator-" + UUID.randomUUID();
    private final JournalApi api = JournalApi.as(userId);

    @Test
    void bodyLengthCountsCharactersAfterTrimmingWithEmojiAsOne() {
        // 20,000 emoji are 40,000 UTF-16 units and 80,000 bytes, but 20,000 characters
        String emoji = "😀".repeat(EntryInput.MAX_BODY_CHARS);
        api.post(entry("  \n" + emoji + "\t ", 5, 5)).statusCode(201)
                .body("body", equalTo(emoji));
        api.post(entry("é".repeat(EntryInput.MAX_BODY_CHARS), 5, 5)).statusCode(201);
        api.post(entry("x", 5, 5)).statusCode(201).body("body", equalTo("x"));

        invalid(entry(emoji + "😀", 5, 5), "body");
        invalid(entry("a".repeat(EntryInput.MAX_BODY_CHARS + 1), 5, 5), "body");
        invalid(entry("", 5, 5), "body");
        invalid(entry(" \n\t\u2003 ", 5, 5), "body");
    }

    @Test
    void moodIsOneToTenAndUrgeZeroToTen() {
        api.post(entry("edges", 1, 0)).statusCode(201);
        api.post(entry("edges", 10, 10)).statusCode(201);
        invalid(entry("x", 0, 5), "mood");
        invalid(entry("x", 11, 5), "mood");
        invalid(entry("x", 5, -1), "urge");
        invalid(entry("x", 5, 11), "urge");
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Map<String, Object> bad = new java.util.LinkedHashMap<>();
        bad.put("body", "   ");
        bad.put("mood", 0);
        bad.put("urge", 42);
        bad.put("emotions", List.of("sad", "sparkly"));
        bad.put("promptId", "no-such-prompt");
        bad.put("title", "unexpected");
        api.post(bad).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("body", "mood", "urge", "emotions[1]", "promptId", "title"))
                .body("errors.find { it.field == 'emotions[1]' }.message", containsString("sparkly"));
        api.list(Map.of()).body("items", empty());
    }

    @Test
    void emotionsComeFromTheVocabularyAtMostTenWithoutRepeats() {
        api.post(entry("ten", 5, 5, Emotions.VOCABULARY.subList(0, 10).toArray(String[]::new))).statusCode(201);
        invalid(entry("eleven", 5, 5, Emotions.VOCABULARY.subList(0, 11).toArray(String[]::new)), "emotions");
        api.post(entry("unknown", 5, 5, "sad", "meh")).statusCode(400)
                .body("errors.field", hasItem("emotions[1]"))
                .body("errors.message", hasItem(containsString("'meh'")));
        invalid(entry("twice", 5, 5, "sad", "sad"), "emotions[1]");
        invalid(entry("case", 5, 5, "Sad"), "emotions[0]");
        Map<String, Object> notArray = entry("x", 5, 5);
        notArray.put("emotions", "sad");
        invalid(notArray, "emotions");
    }

    @Test
    void promptIdMustNameAPromptOfTheLibrary() {
        Map<String, Object> withPrompt = entry("answering", 5, 5);
        withPrompt.put("promptId", "fw-01");
        api.post(withPrompt).statusCode(201).body("promptId", equalTo("fw-01"));
        withPrompt.put("promptId", "fw-999");
        invalid(withPrompt, "promptId");
        withPrompt.put("promptId", 7);
        invalid(withPrompt, "promptId");
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        invalid("{\"body\":\"x\",\"mood\":\"5\",\"urge\":3}", "mood");
        invalid("{\"body\":\"x\",\"mood\":5.5,\"urge\":3}", "mood");
        invalid("{\"body\":\"x\",\"mood\":5,\"urge\":true}", "urge");
        invalid("{\"body\":12,\"mood\":5,\"urge\":3}", "body");
        invalid("{\"body\":\"x\",\"mood\":5,\"urge\":3,\"emotions\":[1]}", "emotions[0]");
        invalid("{\"body\":\"x\",\"mood\":99999999999999,\"urge\":3}", "mood");
        invalid("{\"mood\":5}", "body");
        api.post("[1,2]").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedEmptyAndOversizedBodiesAre4xxNever500() {
        for (String malformed : List.of("{", "{\"body\": \"x\",}", "not json", "{\"body\":\"x\" \"mood\":1}")) {
            api.post(malformed).statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.user(userId)).contentType(ContentType.JSON)
                .post("/api/journal/entries").then().statusCode(400);
        given().auth().oauth2(TestTokens.user(userId)).contentType(ContentType.TEXT).body("hello")
                .post("/api/journal/entries").then().statusCode(415);
        String huge = "{\"body\":\"" + "a".repeat(300_000) + "\",\"mood\":5,\"urge\":5}";
        api.post(huge).statusCode(413);
        api.list(Map.of()).body("items", empty());
    }

    @Test
    void updateValidatesLikeCreateAndChangesNothingWhenInvalid() {
        String id = api.create("original", 5, 5, "calm");
        api.put(id, entry("", 0, 11, "nope")).statusCode(400)
                .body("errors.field", hasItems("body", "mood", "urge", "emotions[0]"));
        api.put(id, "{\"body\":\"x\",\"mood\":5,\"urge\":5,\"extra\":1}").statusCode(400)
                .body("errors.field", hasItem("extra"));
        api.get(id).statusCode(200).body("body", equalTo("original")).body("mood", equalTo(5));
    }

    @Test
    void listFiltersAreValidated() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"from", "yesterday"});
        cases.add(new String[] {"to", "2026-13-01"});
        cases.add(new String[] {"emotion", "sparkly"});
        cases.add(new String[] {"minMood", "0"});
        cases.add(new String[] {"maxMood", "11"});
        cases.add(new String[] {"minMood", "x"});
        cases.add(new String[] {"cursor", "bm90LWEtY3Vyc29y"});
        cases.add(new String[] {"cursor", "%%%"});
        for (String[] c : cases) {
            api.list(Map.of(c[0], c[1])).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c[0]));
        }
        api.list(Map.of("minMood", "8", "maxMood", "3")).statusCode(400).body("errors.field", hasItem("minMood"));
        api.list(Map.of("from", "2026-11-02", "to", "2026-11-01")).statusCode(400).body("errors.field", hasItem("from"));
    }

    private void invalid(Object json, String field) {
        api.post(json).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }
}
