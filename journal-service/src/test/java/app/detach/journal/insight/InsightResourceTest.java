package app.detach.journal.insight;

import app.detach.journal.JournalApi;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class InsightResourceTest {

    private static final String PATH = "/api/journal/insights";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken(PATH);
    }

    @Test
    void dailySeriesInTheRequestedZoneWithEmptyDaysAverageTrendAndEmotions() {
        String userId = "insightful-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(TOKYO);
        insert(userId, today.minusDays(6), 9, 3, 8, "{sad,lonely}");
        insert(userId, today.minusDays(6), 15, 5, 6, "{sad}");
        insert(userId, today.minusDays(3), 10, 6, 4, "{hopeful}");
        insert(userId, today, 8, 8, 1, "{calm,sad}");
        insert(userId, today.minusDays(30), 10, 1, 10, "{angry}"); // outside the window and its moving average
        insert("someone-else-" + UUID.randomUUID(), today, 9, 1, 10, "{angry}");

        JournalApi.as(userId).get(PATH, Map.of("days", 7, "tz", "Asia/Tokyo")).statusCode(200)
                .body("days", equalTo(7))
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("from", equalTo(today.minusDays(6).toString()))
                .body("to", equalTo(today.toString()))
                .body("entries", equalTo(4))
                .body("series", hasSize(7))
                .body("series[0].entries", equalTo(2))
                .body("series[0].mood", equalTo(4.0f))
                .body("series[0].urge", equalTo(7.0f))
                .body("series[1].entries", equalTo(0))
                .body("series[1].mood", nullValue())
                .body("series[1].moodAvg7", equalTo(4.0f))
                .body("series[6].mood", equalTo(8.0f))
                .body("series[6].moodAvg7", equalTo(5.5f))
                .body("averages.mood", equalTo(5.5f))
                .body("averages.urge", equalTo(4.75f))
                .body("trend.mood.direction", equalTo("rising"))
                .body("trend.urge.direction", equalTo("falling"))
                .body("topEmotions.emotion", contains("sad", "calm", "hopeful", "lonely"))
                .body("topEmotions[0].count", equalTo(3));
    }

    @Test
    void aNewUserGetsEmptyDaysForTheDefaultWindow() {
        JournalApi.as("empty-" + UUID.randomUUID()).get(PATH, Map.of()).statusCode(200)
                .body("days", equalTo(30))
                .body("series", hasSize(30))
                .body("entries", equalTo(0))
                .body("averages.mood", nullValue())
                .body("trend.mood.direction", nullValue());
    }

    @Test
    void theWindowIsSevenTo365DaysAndTheZoneMustExist() {
        JournalApi api = JournalApi.as("bounds-" + UUID.randomUUID());
        api.get(PATH, Map.of("days", 365)).statusCode(200).body("series", hasSize(365));
        for (String days : new String[] {"6", "366", "0", "week"}) {
            api.get(PATH, Map.of("days", days)).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("days"));
        }
        api.get(PATH, Map.of("tz", "Nowhere/Else")).statusCode(400).body("errors.field", hasItem("tz"));
    }

    private static void insert(String userId, LocalDate day, int hour, int mood, int urge, String emotions) {
        Timestamp at = Timestamp.from(day.atTime(hour, 0).atZone(TOKYO).toInstant());
        TestDatabase.update("INSERT INTO journal_entry (id, user_id, body_ciphertext, mood, urge, emotions, created_at,"
                + " updated_at) VALUES (?, ?, '\\x00'::bytea, ?, ?, ?::text[], ?, ?)",
                UUID.randomUUID(), userId, mood, urge, emotions, at, at);
    }
}
