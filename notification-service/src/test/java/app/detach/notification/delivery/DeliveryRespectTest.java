package app.detach.notification.delivery;

import app.detach.events.streak.ContactKind;
import app.detach.events.streak.ContactLogged;
import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.notification.TestClock;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Quiet hours and the daily cap, with the service's clock pinned and moved. */
@QuarkusTest
class DeliveryRespectTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void quietHoursDeferAMessageToTheirEndAcrossMidnight() {
        String user = "q-" + UUID.randomUUID();
        // 23:30 in Paris (UTC+1 in January), quiet 22:00-07:00
        clock.set(Instant.parse("2026-01-14T22:30:00Z"));
        Api.putPreferences(user, Api.preferences("Europe/Paris", "{\"start\":\"22:00\",\"end\":\"07:00\"}", false, "20:00", false));

        Events.publish(Events.milestone(user, 7));
        List<Instant> at = awaitDeliverAts(user, 1);
        assertEquals(Instant.parse("2026-01-15T06:00:00Z"), at.get(0), "07:00 Paris the next morning");
        assertEquals(List.of(), Api.messages(user), "not visible during quiet hours");

        clock.set(Instant.parse("2026-01-15T06:00:00Z"));
        assertEquals(1, Api.messages(user).size(), "visible when they end, never dropped");
    }

    @Test
    void urgentMessagesAlsoWaitForTheEndOfQuietHours() {
        String user = "qu-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-01-14T12:30:00Z")); // 07:30 in New York, quiet 23:00-08:00
        Api.putPreferences(user, Api.preferences("America/New_York", "{\"start\":\"23:00\",\"end\":\"08:00\"}", false, "20:00", false));
        Events.publish(new ContactLogged(user, UUID.randomUUID(), ContactKind.I_CONTACTED, Instant.now(), true));
        assertEquals(List.of(Instant.parse("2026-01-14T13:00:00Z")), awaitDeliverAts(user, 1));
    }

    @Test
    void aboveTheDailyCapRoutineMessagesMoveToTheNextDayButSupportDoesNot() {
        String user = "c-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-05-20T09:00:00Z")); // 11:00 in Berlin
        Api.putPreferences(user, Api.preferences("Europe/Berlin", null, false, "20:00", false));
        int[] days = {1, 3, 7, 14, 21, 30, 45};
        for (int day : days) {
            Events.publish(Events.milestone(user, day));
        }
        Events.publish(new ContactLogged(user, UUID.randomUUID(), ContactKind.I_CONTACTED, Instant.now(), true));

        List<Instant> at = awaitDeliverAts(user, 8);
        Instant now = Instant.parse("2026-05-20T09:00:00Z");
        Instant nextDay = Instant.parse("2026-05-20T22:00:00Z"); // midnight in Berlin (UTC+2)
        assertEquals(6, at.stream().filter(now::equals).count(), "five routine messages and the slip today");
        assertEquals(2, at.stream().filter(nextDay::equals).count(), "the sixth and seventh wait for tomorrow");
        assertEquals(6, Api.messages(user).size());

        clock.set(nextDay);
        assertEquals(8, Api.messages(user).size());
    }

    static List<Instant> awaitDeliverAts(String user, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> deliverAts(user), l -> l.size() == count);
    }

    static List<Instant> deliverAts(String user) throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT deliver_at FROM notification WHERE user_id = ? ORDER BY deliver_at")) {
            s.setString(1, user);
            List<Instant> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getTimestamp(1).toInstant());
                }
            }
            return out;
        }
    }
}
