package app.detach.streak.calendar;

import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import app.detach.streak.contact.Contact;
import app.detach.streak.current.Streak;
import app.detach.streak.current.StreakUser;
import app.detach.streak.rules.DayBoundary;
import app.detach.streak.rules.DayCount;
import app.detach.streak.time.Clocks;
import app.detach.streak.urge.Urge;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry per local day in {@code from..to} (inclusive, at most 400 days, default the last 30),
 * in the user's current time zone and day-start hour — enough to draw a heatmap:
 * BEFORE_START (before their first streak), KEPT, BROKEN (a streak ended by a contact that day),
 * FUTURE (after today), with the day's contact and urge counts.
 */
@Path("/api/streak/calendar")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    static final int MAX_DAYS = 400;

    private final CurrentUser user;
    private final Clock clock;

    CalendarResource(CurrentUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    public enum Status { BEFORE_START, KEPT, BROKEN, FUTURE }

    public record Day(LocalDate date, Status status, int contacts, int urges) {
    }

    public record Calendar(LocalDate from, LocalDate to, String timeZone, int dayStartHour, List<Day> days) {
    }

    @GET
    @WithSession
    public Uni<Calendar> calendar(@QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        String userId = user.id();
        Instant now = Clocks.now(clock);
        return StreakUser.<StreakUser>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No streak started yet. Start one with PUT /api/streak."))
                .flatMap(settings -> {
                    DayBoundary zone = settings.boundary();
                    LocalDate today = DayCount.userDay(now, zone);
                    LocalDate to = parse("to", toParam, today);
                    LocalDate from = parse("from", fromParam, to.minusDays(29));
                    if (from.isAfter(to)) {
                        throw ProblemException.invalid("from", "must not be after 'to'");
                    }
                    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                        throw ProblemException.invalid("to", "the range may cover at most " + MAX_DAYS + " days");
                    }
                    Instant start = DayCount.beginningOf(from, zone);
                    Instant end = DayCount.beginningOf(to.plusDays(1), zone);
                    return Streak.<Streak>list("userId", userId)
                            .flatMap(streaks -> Contact.<Contact>list(
                                            "userId = ?1 and occurredAt >= ?2 and occurredAt < ?3", userId, start, end)
                                    .flatMap(contacts -> Urge.<Urge>list(
                                                    "userId = ?1 and occurredAt >= ?2 and occurredAt < ?3", userId, start, end)
                                            .map(urges -> build(zone, today, from, to, streaks,
                                                    contacts.stream().map(c -> c.occurredAt).toList(),
                                                    urges.stream().map(u -> u.occurredAt).toList()))))
                            .map(days -> new Calendar(from, to, settings.timeZone, settings.dayStartHour, days));
                });
    }

    private static List<Day> build(DayBoundary zone, LocalDate today, LocalDate from, LocalDate to, List<Streak> streaks,
            List<Instant> contacts, List<Instant> urges) {
        LocalDate firstStart = streaks.stream().map(s -> s.startDate).min(LocalDate::compareTo).orElse(today);
        Set<LocalDate> broken = new HashSet<>();
        streaks.stream().filter(s -> Streak.ENDED_BY_CONTACT.equals(s.endReason))
                .forEach(s -> broken.add(DayCount.userDay(s.endedAt, zone)));
        Map<LocalDate, Integer> contactsByDay = countByDay(contacts, zone);
        Map<LocalDate, Integer> urgesByDay = countByDay(urges, zone);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Status status = d.isAfter(today) ? Status.FUTURE
                    : d.isBefore(firstStart) ? Status.BEFORE_START
                    : broken.contains(d) ? Status.BROKEN
                    : Status.KEPT;
            days.add(new Day(d, status, contactsByDay.getOrDefault(d, 0), urgesByDay.getOrDefault(d, 0)));
        }
        return days;
    }

    private static Map<LocalDate, Integer> countByDay(List<Instant> instants, DayBoundary zone) {
        Map<LocalDate, Integer> counts = new HashMap<>();
        instants.forEach(i -> counts.merge(DayCount.userDay(i, zone), 1, Integer::sum));
        return counts;
    }

    private static LocalDate parse(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date like 2026-03-01");
        }
    }
}
