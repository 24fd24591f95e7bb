package app.detach.notification.checkin;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckInTimesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void nextIsTodayWhenStillAheadElseTomorrow() {
        assertEquals(Instant.parse("2026-01-14T19:00:00Z"),
                CheckInTimes.next(Instant.parse("2026-01-14T10:00:00Z"), PARIS, LocalTime.of(20, 0)));
        assertEquals(Instant.parse("2026-01-15T19:00:00Z"),
                CheckInTimes.next(Instant.parse("2026-01-14T19:00:00Z"), PARIS, LocalTime.of(20, 0)));
    }

    @Test
    void keepsTheLocalTimeAcrossDstChanges() {
        // 20:00 Paris is 19:00Z in winter and 18:00Z after the spring change on 29 March 2026
        assertEquals(Instant.parse("2026-03-29T18:00:00Z"),
                CheckInTimes.next(Instant.parse("2026-03-28T19:00:00Z"), PARIS, LocalTime.of(20, 0)));
        // and back to 19:00Z after the autumn change on 25 October 2026
        assertEquals(Instant.parse("2026-10-25T19:00:00Z"),
                CheckInTimes.next(Instant.parse("2026-10-24T18:00:00Z"), PARIS, LocalTime.of(20, 0)));
    }

    @Test
    void aNonExistentLocalTimeMovesForward() {
        // 02:30 does not exist in New York on 8 March 2026 (02:00 -> 03:00): 03:30 EDT = 07:30Z
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"),
                CheckInTimes.next(Instant.parse("2026-03-07T08:00:00Z"), NEW_YORK, LocalTime.of(2, 30)));
    }

    @Test
    void anAmbiguousLocalTimeTakesTheEarlierAndHappensOnce() {
        // 01:30 happens twice in New York on 1 November 2026: the earlier is 01:30 EDT = 05:30Z
        Instant first = CheckInTimes.next(Instant.parse("2026-10-31T06:00:00Z"), NEW_YORK, LocalTime.of(1, 30));
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), first);
        // after it, the next is the following day (not the repeated 01:30 EST an hour later)
        assertEquals(Instant.parse("2026-11-02T06:30:00Z"), CheckInTimes.next(first, NEW_YORK, LocalTime.of(1, 30)));
    }
}
