package app.detach.streak.checkin;

import io.smallrye.mutiny.Uni;

import java.time.LocalDate;

/**
 * The check-in part of GET /api/streak. The check-in streak is still alive while its last day is
 * today or yesterday (today's check-in can continue it); after a day without one it is 0.
 */
public record CheckInSummary(boolean checkedInToday, int checkInStreakDays, LocalDate lastCheckInDate) {

    public static CheckInSummary of(CheckIn last, LocalDate today) {
        if (last == null) {
            return new CheckInSummary(false, 0, null);
        }
        // a date after today happens only after a move west: that day is already checked in
        boolean todayDone = !last.localDate.isBefore(today);
        boolean alive = todayDone || last.localDate.equals(today.minusDays(1));
        return new CheckInSummary(todayDone, alive ? last.streakDays : 0, last.localDate);
    }

    /** The user's latest check-in (by day), or null. */
    public static Uni<CheckIn> latest(String userId) {
        return CheckIn.<CheckIn>find("userId = ?1 order by localDate desc", userId).firstResult();
    }
}
