package app.detach.journal.prompt;

import app.detach.journal.daysettings.DaySettingsProjection;
import app.detach.events.streak.UserDays;
import app.detach.journal.streak.Streaks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks today's prompt: once per user and local day (stored in prompt_pick, so it stays the same
 * all day even if the stage changes), from the prompts of the user's stage, never one picked in the
 * last {@value #NO_REPEAT_DAYS} days. When the stage has no fresh prompt left, any fresh prompt
 * of the library is taken instead.
 */
@ApplicationScoped
public class PromptPicker {

    static final int NO_REPEAT_DAYS = 14;

    private final Pool pool;
    private final PromptLibrary library;
    private final Streaks streaks;
    private final DaySettingsProjection daySettings;
    private final Clock clock;

    PromptPicker(Pool pool, PromptLibrary library, Streaks streaks, DaySettingsProjection daySettings, Clock clock) {
        this.pool = pool;
        this.library = library;
        this.streaks = streaks;
        this.daySettings = daySettings;
        this.clock = clock;
    }

    /**
     * @param zone the zone asked for, or null for the streak's zone (UTC without a streak); the
     *        user's day settings, once known, win over both (their zone and day-start hour)
     */
    public Uni<PromptOfTheDay> today(String userId, ZoneId zone) {
        Instant now = clock.instant();
        return daySettings.days(userId).flatMap(settings -> streaks.snapshot(userId).flatMap(snapshot -> {
            UserDays days = settings.orElseGet(() -> UserDays.midnight(zone != null ? zone
                    : snapshot.map(s -> ZoneId.of(s.timeZone())).orElse(ZoneId.of("UTC"))));
            ZoneId effective = days.zone();
            LocalDate day = days.dayOf(now);
            return existing(userId, day).flatMap(found -> found != null
                    ? Uni.createFrom().item(found)
                    : latestEntry(userId).flatMap(latest -> {
                        Stage stage = StageRules.stageOf(snapshot.map(s -> s.noContactDay(now)).orElse(null),
                                snapshot.map(Streaks.Snapshot::lastResetAt).orElse(null), latest, now);
                        return recentPicks(userId, day).flatMap(recent -> {
                            Prompt prompt = choose(userId, day, stage, recent);
                            return pool.preparedQuery("INSERT INTO prompt_pick (user_id, local_day, prompt_id, stage)"
                                            + " VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, local_day) DO NOTHING")
                                    .execute(Tuple.of(userId, day, prompt.id(), stage.tag()))
                                    // a concurrent request may have picked first: both answer with the stored pick
                                    .flatMap(ignored -> existing(userId, day));
                        });
                    }))
                    .map(pick -> new PromptOfTheDay(pick.id(), pick.text(), pick.stage(), day, effective.getId()));
        }));
    }

    private record Pick(String id, String text, Stage stage) {
    }

    private Prompt choose(String userId, LocalDate day, Stage stage, Set<String> recent) {
        List<Prompt> fresh = library.forStage(stage).stream().filter(p -> !recent.contains(p.id())).toList();
        if (fresh.isEmpty()) {
            fresh = library.all().stream().filter(p -> !recent.contains(p.id())).toList();
        }
        if (fresh.isEmpty()) {
            fresh = library.forStage(stage);
        }
        // deterministic for a user and day, different across users and days
        int index = Math.floorMod((userId + "|" + day).hashCode(), fresh.size());
        return fresh.get(index);
    }

    private Uni<Pick> existing(String userId, LocalDate day) {
        return pool.preparedQuery("SELECT prompt_id, stage FROM prompt_pick WHERE user_id = $1 AND local_day = $2")
                .execute(Tuple.of(userId, day))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    String id = row.getString("prompt_id");
                    String text = library.find(id).map(Prompt::text).orElse(null);
                    return text == null ? null : new Pick(id, text, Stage.fromTag(row.getString("stage")));
                });
    }

    private Uni<Set<String>> recentPicks(String userId, LocalDate day) {
        return pool.preparedQuery("SELECT prompt_id FROM prompt_pick WHERE user_id = $1 AND local_day > $2")
                .execute(Tuple.of(userId, day.minusDays(NO_REPEAT_DAYS)))
                .map(rows -> {
                    Set<String> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.getString("prompt_id")));
                    return ids;
                });
    }

    private Uni<StageRules.LatestEntry> latestEntry(String userId) {
        return pool.preparedQuery("SELECT mood, urge, created_at FROM journal_entry WHERE user_id = $1"
                        + " ORDER BY created_at DESC LIMIT 1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new StageRules.LatestEntry(row.getInteger("mood"), row.getInteger("urge"),
                            row.getOffsetDateTime("created_at").toInstant());
                });
    }
}
