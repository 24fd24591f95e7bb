package app.detach.streak.milestone;

import app.detach.events.streak.MilestoneReached;
import app.detach.outbox.Outbox;
import app.detach.streak.current.Streak;
import app.detach.streak.current.StreakUser;
import app.detach.streak.rules.DayBoundary;
import app.detach.streak.rules.MilestonePlan;
import app.detach.streak.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Emits milestone-reached when a current streak's {@code next_milestone_at} has come.
 *
 * <p>Each run claims up to {@code batch-size} due streaks with {@code SELECT … FOR UPDATE SKIP
 * LOCKED}, so replicas running the job at the same moment take disjoint rows and never wait for
 * each other. For each claimed streak, in the same transaction, it records every milestone that
 * has fallen due (more than one after downtime — each marked {@code late} when it is more than
 * {@code late-after} overdue) in {@code milestone_emitted} and in the outbox, then moves
 * {@code next_milestone_at} to the next milestone. The primary key of {@code milestone_emitted}
 * is the second guard: an insert that conflicts records no event. A streak that ended has no
 * {@code next_milestone_at} and is never claimed — so a streak broken before a milestone day never
 * gets it, even when the job was down at the time.
 */
@ApplicationScoped
public class MilestoneJob {

    private static final Logger LOG = Logger.getLogger(MilestoneJob.class);

    private static final String CLAIM = "SELECT id FROM streak WHERE ended_at IS NULL AND next_milestone_at <= :now"
            + " ORDER BY next_milestone_at LIMIT :batch FOR UPDATE SKIP LOCKED";

    private static final String MARK = "INSERT INTO milestone_emitted (streak_id, day, user_id, reached_at, emitted_at, late)"
            + " VALUES (:streak, :day, :user, :reached, :now, :late) ON CONFLICT DO NOTHING";

    private final Outbox outbox;
    private final Clock clock;
    private final int batchSize;
    private final Duration lateAfter;

    MilestoneJob(Outbox outbox, Clock clock,
            @ConfigProperty(name = "detach.streak.milestones.batch-size", defaultValue = "100") int batchSize,
            @ConfigProperty(name = "detach.streak.milestones.late-after", defaultValue = "15m") Duration lateAfter) {
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lateAfter = lateAfter;
    }

    @Scheduled(identity = "milestones", every = "${detach.streak.milestones.every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runUntilDone();
        } catch (RuntimeException e) {
            // the next run retries: nothing was committed for the failed batch
            LOG.warnf(e, "milestone run failed");
        }
    }

    /** Runs batches until no due streak is left unclaimed; returns the number of events recorded. Blocking. */
    public int runUntilDone() {
        int total = 0;
        while (true) {
            Batch batch = runOnce();
            total += batch.emitted();
            if (batch.claimed() < batchSize) {
                return total;
            }
        }
    }

    /** One batch in one transaction, on its own session and connection. Blocking; callable from tests. */
    public Batch runOnce() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::claimAndEmit));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one batch did: streaks claimed, events recorded. */
    public record Batch(int claimed, int emitted) {
    }

    private Uni<Batch> claimAndEmit() {
        Instant now = Clocks.now(clock);
        // the rows are locked by this transaction from here on; loading them as entities below
        // reads the same rows within it
        return Panache.getSession().flatMap(session -> session.createNativeQuery(CLAIM, UUID.class)
                        .setParameter("now", now)
                        .setParameter("batch", batchSize)
                        .getResultList())
                .flatMap(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUniAndConcatenate(id -> Streak.<Streak>findById(id)
                                .flatMap(streak -> emitDue(streak, now)))
                        .collect().asList()
                        .map(counts -> new Batch(claimed.size(), counts.stream().mapToInt(Integer::intValue).sum())));
    }

    private Uni<Integer> emitDue(Streak streak, Instant now) {
        return StreakUser.<StreakUser>findById(streak.userId).flatMap(user -> {
            DayBoundary zone = user.boundary();
            MilestonePlan.Catchup catchup = MilestonePlan.dueSince(streak.startDate, streak.nextMilestoneDay, now, zone);
            streak.nextMilestoneDay = catchup.next().day();
            streak.nextMilestoneAt = catchup.next().at();
            return Multi.createFrom().iterable(catchup.due())
                    .onItem().transformToUniAndConcatenate(due -> emit(streak, due, now))
                    .collect().asList()
                    .map(recorded -> (int) recorded.stream().filter(Boolean::booleanValue).count());
        });
    }

    private Uni<Boolean> emit(Streak streak, MilestonePlan.Due due, Instant now) {
        boolean late = Duration.between(due.at(), now).compareTo(lateAfter) > 0;
        return Panache.getSession().flatMap(session -> session.createNativeQuery(MARK)
                        .setParameter("streak", streak.id)
                        .setParameter("day", due.day())
                        .setParameter("user", streak.userId)
                        .setParameter("reached", due.at())
                        .setParameter("now", now)
                        .setParameter("late", late)
                        .executeUpdate())
                .flatMap(inserted -> inserted == 1
                        ? outbox.record(new MilestoneReached(streak.userId, streak.id, due.day(), due.at(), late))
                                .replaceWith(true)
                        : Uni.createFrom().item(false));
    }
}
