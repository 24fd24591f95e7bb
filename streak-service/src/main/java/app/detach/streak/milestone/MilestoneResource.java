package app.detach.streak.milestone;

import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import app.detach.streak.current.Streak;
import app.detach.streak.current.StreakUser;
import app.detach.streak.rules.DayBoundary;
import app.detach.streak.rules.DayCount;
import app.detach.streak.rules.MilestonePlan;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The milestones of the current streak (reached ones and the next three), and every milestone
 * ever celebrated, each with the streak it belongs to — a milestone emitted for a streak that a
 * backdated contact later ended stays listed there, under that ended streak.
 */
@Path("/api/streak/milestones")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MilestoneResource {

    private static final int UPCOMING = 3;

    private final CurrentUser user;
    private final Clock clock;

    MilestoneResource(CurrentUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    /**
     * @param reached    the day has begun in the user's zone
     * @param celebrated a milestone-reached event was emitted for it (reached before the streak
     *                   was recorded, e.g. a backdated start, means reached but not celebrated)
     */
    public record Milestone(int day, Instant at, boolean reached, boolean celebrated, boolean late) {
    }

    public record Celebrated(UUID streakId, int day, Instant reachedAt, Instant emittedAt, boolean late,
            boolean currentStreak) {
    }

    public record MilestoneList(UUID streakId, int currentDays, List<Milestone> items, List<Celebrated> celebrated) {
    }

    @GET
    @WithSession
    public Uni<MilestoneList> milestones() {
        String userId = user.id();
        Instant now = Clocks.now(clock);
        return StreakUser.<StreakUser>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No streak started yet. Start one with PUT /api/streak."))
                .invoke(settings -> {
                    if (settings.currentStreakId == null) {
                        throw ProblemException.notFound("There is no current streak. Start one with PUT /api/streak.");
                    }
                })
                .flatMap(settings -> Streak.<Streak>findById(settings.currentStreakId)
                        .flatMap(current -> EmittedMilestone.<EmittedMilestone>list(
                                        "userId = ?1 order by reachedAt desc, day desc", userId)
                                .map(emitted -> build(settings.boundary(), current, emitted, now))));
    }

    private static MilestoneList build(DayBoundary zone, Streak current, List<EmittedMilestone> emitted, Instant now) {
        int days = DayCount.daysAt(current.startDate, now, zone);
        Map<Integer, EmittedMilestone> mine = emitted.stream().filter(e -> e.streakId.equals(current.id))
                .collect(Collectors.toMap(e -> e.day, Function.identity()));
        List<Milestone> items = new ArrayList<>();
        for (int day : app.detach.streak.rules.Milestones.upTo(days)) {
            EmittedMilestone e = mine.get(day);
            items.add(new Milestone(day, MilestonePlan.of(current.startDate, day, zone).at(), true, e != null,
                    e != null && e.late));
        }
        int next = days;
        for (int i = 0; i < UPCOMING; i++) {
            next = app.detach.streak.rules.Milestones.nextAfter(next);
            items.add(new Milestone(next, MilestonePlan.of(current.startDate, next, zone).at(), false, false, false));
        }
        List<Celebrated> celebrated = emitted.stream()
                .map(e -> new Celebrated(e.streakId, e.day, e.reachedAt, e.emittedAt, e.late, e.streakId.equals(current.id)))
                .toList();
        return new MilestoneList(current.id, days, items, celebrated);
    }
}
