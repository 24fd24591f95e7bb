package app.detach.notification.fanout;

import app.detach.notification.job.DueBatches;
import app.detach.notification.preference.PreferenceStore;
import app.detach.notification.preference.Preferences;
import app.detach.notification.rule.Rules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers fan-out jobs in chunks of recipients, one transaction per chunk: claim the oldest
 * unfinished job with {@code FOR UPDATE SKIP LOCKED} (replicas share the jobs, never a chunk),
 * take the next {@code chunk} recipient ids after the job's cursor (keyset on user id), hand each to
 * the per-user rules (quiet hours, cap, the user's day, source keys), then move the cursor and mark
 * the job finished after its last chunk. A crash rolls back the chunk in flight and the job resumes
 * at the last committed cursor; a chunk done twice anyway is a no-op (source keys). Users are read
 * at the moment their chunk runs: an erased user (no preferences, no messages) is not a recipient.
 */
@ApplicationScoped
public class FanOutWorker {

    private static final Logger LOG = Logger.getLogger(FanOutWorker.class);

    /**
     * The oldest unfinished job this replica can take. New-guides jobs run one at a time in order:
     * two of them merging into the same user's digest in parallel could lose a line (the digest is
     * read, appended and written back). Broadcasts never merge, so they may run next to anything.
     */
    private static final String CLAIM = "SELECT f.id, f.kind, f.title, f.slug, f.body, f.link, f.cursor FROM fan_out f"
            + " WHERE f.finished_at IS NULL AND (f.kind <> 'new-guides' OR NOT EXISTS (SELECT 1 FROM fan_out o"
            + " WHERE o.kind = 'new-guides' AND o.finished_at IS NULL AND (o.created_at, o.id) < (f.created_at, f.id)))"
            + " ORDER BY f.created_at, f.id LIMIT 1 FOR UPDATE OF f SKIP LOCKED";

    private final Clock clock;
    private final PreferenceStore preferences;
    private final Rules rules;
    private final int chunk;

    FanOutWorker(Clock clock, PreferenceStore preferences, Rules rules,
            @ConfigProperty(name = "detach.notification.fan-out.chunk", defaultValue = "200") int chunk) {
        this.clock = clock;
        this.preferences = preferences;
        this.rules = rules;
        this.chunk = chunk;
    }

    /** Works chunk after chunk, each in its own transaction, until no job is left. */
    @Scheduled(every = "${detach.notification.fan-out.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "fan-out")
    Uni<Void> tick() {
        // a failed chunk is retried from the job's cursor on the next tick
        return DueBatches.drain(LOG, "fan-out", this::deliverNextChunk);
    }

    /** Delivers one chunk of one job; false when there was no job to work on. */
    Uni<Boolean> deliverNextChunk() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(CLAIM, Object[].class).getResultList()
                .flatMap(jobs -> jobs.isEmpty()
                        ? Uni.createFrom().item(false)
                        : deliverChunk(s, Job.of(jobs.get(0))).replaceWith(true)));
    }

    private Uni<Void> deliverChunk(Mutiny.Session s, Job job) {
        // the chunk's preferences and day settings in two queries, not two per user
        // the chunk's preferences and day settings in two queries, its messages in a few more
        return recipients(s, job).flatMap(users -> preferences.of(users).flatMap(all -> {
            // a user whose stored zone is unreadable (logged) has no entry: it must not block everyone else
            Map<String, Preferences> reachable = new LinkedHashMap<>();
            users.stream().filter(all::containsKey).forEach(u -> reachable.put(u, all.get(u)));
            Uni<Void> delivered = job.newGuides()
                    ? rules.newGuides(reachable, job.title(), job.slug())
                    : rules.broadcast(reachable, job.id(), job.title(), job.body(), job.link());
            return delivered.chain(() -> advance(s, job, users));
        }));
    }

    /** The next recipients after the cursor, in user id order; both queries are index range scans. */
    private Uni<List<String>> recipients(Mutiny.Session s, Job job) {
        String sql = job.newGuides()
                ? "SELECT user_id FROM preference WHERE new_guides AND user_id > :cursor ORDER BY user_id LIMIT " + chunk
                // everyone with preferences or a message, as a broadcast always reached
                : "SELECT user_id FROM ((SELECT user_id FROM preference WHERE user_id > :cursor ORDER BY user_id LIMIT "
                        + chunk + ") UNION (SELECT DISTINCT user_id FROM notification WHERE user_id > :cursor"
                        + " ORDER BY user_id LIMIT " + chunk + ")) u ORDER BY user_id LIMIT " + chunk;
        return s.createNativeQuery(sql, String.class).setParameter("cursor", job.cursor()).getResultList();
    }

    private Uni<Void> advance(Mutiny.Session s, Job job, List<String> users) {
        boolean last = users.size() < chunk;
        var update = s.createNativeQuery("UPDATE fan_out SET cursor = :cursor, processed = processed + :n,"
                        + " chunks = chunks + 1" + (last ? ", finished_at = :now" : "") + " WHERE id = :id")
                .setParameter("cursor", users.isEmpty() ? job.cursor() : users.get(users.size() - 1))
                .setParameter("n", users.size())
                .setParameter("id", job.id());
        if (last) {
            update.setParameter("now", clock.instant().atOffset(ZoneOffset.UTC));
        }
        return update.executeUpdate().replaceWithVoid();
    }

    private record Job(String id, String kind, String title, String slug, String body, String link, String cursor) {

        static Job of(Object[] row) {
            return new Job((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6]);
        }

        boolean newGuides() {
            return FanOutJobs.NEW_GUIDES.equals(kind);
        }
    }
}
