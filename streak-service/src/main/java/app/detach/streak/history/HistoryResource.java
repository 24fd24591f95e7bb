package app.detach.streak.history;

import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import app.detach.streak.current.Streak;
import app.detach.streak.current.StreakUser;
import app.detach.streak.rules.DayCount;
import app.detach.streak.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every past streak, newest first, with what ended it; longestDays and totalNoContactDays derive
 * from all streaks including the current one, so they survive resets.
 */
@Path("/api/streak/history")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    /** How many past streaks the answer holds at most (newest first). */
    static final int LIMIT = 1000;

    private final CurrentUser user;
    private final Clock clock;

    HistoryResource(CurrentUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    /**
     * A past streak; {@code endedBy} is CONTACT (with the contact's kind and id), RESTARTED, or
     * CHOSEN (the user ended no contact on purpose, with the readiness check they did, if any).
     */
    public record PastStreak(UUID streakId, Instant startedAt, Instant endedAt, int days, String endedBy,
            String contactKind, UUID contactId, UUID readinessCheckId) {
    }

    /** The current streak in brief; null when there is none (no contact ended by choice). */
    public record CurrentStreak(UUID streakId, Instant startedAt, int days) {
    }

    public record History(List<PastStreak> items, CurrentStreak current, int longestDays, long totalNoContactDays) {
    }

    @GET
    @WithSession
    public Uni<History> history() {
        String userId = user.id();
        Instant now = Clocks.now(clock);
        return StreakUser.<StreakUser>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No streak started yet. Start one with PUT /api/streak."))
                .flatMap(settings -> Streak.<Streak>find("userId = ?1 order by startedAt desc, endedAt desc nulls first", userId)
                        .page(0, LIMIT + 1).list()
                        .map(all -> {
                            // no current streak after no contact was ended by choice
                            Streak current = all.stream().filter(Streak::isCurrent).findFirst().orElse(null);
                            int currentDays = current == null ? 0
                                    : DayCount.daysAt(current.startDate, now, settings.boundary());
                            List<PastStreak> past = all.stream().filter(s -> !s.isCurrent())
                                    .limit(LIMIT)
                                    .map(s -> new PastStreak(s.id, s.startedAt, s.endedAt, s.days, s.endReason,
                                            s.endedByKind, s.endedByContactId, s.endedByReadinessCheckId))
                                    .toList();
                            int longest = Math.max(currentDays,
                                    past.stream().mapToInt(PastStreak::days).max().orElse(0));
                            long total = currentDays + past.stream().mapToLong(PastStreak::days).sum();
                            return new History(past, current == null ? null
                                    : new CurrentStreak(current.id, current.startedAt, currentDays), longest, total);
                        }));
    }
}
