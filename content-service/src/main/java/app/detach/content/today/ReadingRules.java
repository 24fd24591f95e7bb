package app.detach.content.today;

import app.detach.content.article.Stage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Chooses what kind of article today's reading should be, first rule that applies wins:
 * <ol>
 * <li>a slip (a contact that broke the streak) in the last 48 h → an {@code after-a-slip} article;</li>
 * <li>low recent moods (at least 2 journal entries in 7 days, the latest up to 3 averaging ≤ 4 of 10)
 *     → a {@code self-care} article, plus a {@code seeking-help} one;</li>
 * <li>a strong urge (≥ 7 of 10) in the last 48 h → an {@code urges} article;</li>
 * <li>they reached out (a contact the reader ignored) in the last 48 h → an {@code if-they-reach-out} article;</li>
 * <li>otherwise the stage of the streak: day 0–3 first-days, 4–30 early, 31–90 healing, then growth;
 *     a reader with no streak yet is in the first days.</li>
 * </ol>
 * Pure: the same situation and instant always give the same choice.
 */
public final class ReadingRules {

    static final Duration RECENT = Duration.ofHours(48);
    static final int LOW_MOOD_AVERAGE = 4;
    static final int LOW_MOOD_MIN_ENTRIES = 2;
    static final int LOW_MOOD_WINDOW_ENTRIES = 3;
    static final int STRONG_URGE = 7;

    /** What to look for: a stage or a tag (exactly one), why, and an optional second article. */
    public record Choice(String rule, String stage, String tag, String reason, Choice also, Long streakDay) {
    }

    private ReadingRules() {
    }

    public static Choice choose(Situation s, Instant now) {
        Long day = streakDay(s, now);
        if (within(s.lastSlipAt(), now)) {
            return new Choice("after-a-slip", Stage.AFTER_A_SLIP.wireName(), null,
                    "You logged a contact in the last two days. This one is about starting again, gently and without blame.",
                    null, day);
        }
        if (lowMoods(s)) {
            Choice help = new Choice("low-mood", Stage.SEEKING_HELP.wireName(), null,
                    "And because it can help to share the load: a word about talking to someone.", null, day);
            return new Choice("low-mood", null, "self-care",
                    "Your recent journal entries show some heavy days. Here is something about looking after yourself.",
                    help, day);
        }
        if (s.strongestRecentUrge() >= STRONG_URGE) {
            return new Choice("strong-urge", null, "urges",
                    "You felt a strong pull to get in touch recently. This is about riding an urge out until it passes.",
                    null, day);
        }
        if (within(s.lastReachedOutAt(), now)) {
            return new Choice("they-reached-out", Stage.IF_THEY_REACH_OUT.wireName(), null,
                    "They got in touch recently. This is about what to do with that, calmly.", null, day);
        }
        return byStage(day);
    }

    /** The stage rule alone (also the fallback when a rule's articles were all read this week). */
    public static Choice byStage(Long day) {
        Stage stage = stageFor(day);
        String reason = day == null
                ? "You are at the start, so here is a guide for the first days of no contact."
                : "You are on day " + day + " of no contact; this guide is for the " + stage.wireName().replace('-', ' ')
                        + " stage.";
        return new Choice("stage", stage.wireName(), null, reason, null, day);
    }

    static Stage stageFor(Long day) {
        if (day == null || day <= 3) {
            return Stage.FIRST_DAYS;
        }
        if (day <= 30) {
            return Stage.EARLY;
        }
        if (day <= 90) {
            return Stage.HEALING;
        }
        return Stage.GROWTH;
    }

    /** Calendar days since the streak started, in the reader's time zone (a streak started today is day 0). */
    static Long streakDay(Situation s, Instant now) {
        if (s.streakStartedAt() == null) {
            return null;
        }
        LocalDate start = s.streakStartedAt().atZone(s.zone()).toLocalDate();
        LocalDate today = now.atZone(s.zone()).toLocalDate();
        return Math.max(0, ChronoUnit.DAYS.between(start, today));
    }

    private static boolean lowMoods(Situation s) {
        if (s.recentMoods().size() < LOW_MOOD_MIN_ENTRIES) {
            return false;
        }
        double average = s.recentMoods().stream().limit(LOW_MOOD_WINDOW_ENTRIES)
                .mapToInt(Integer::intValue).average().orElse(10);
        return average <= LOW_MOOD_AVERAGE;
    }

    private static boolean within(Instant at, Instant now) {
        return at != null && !at.isAfter(now.plus(Duration.ofMinutes(5))) && at.isAfter(now.minus(RECENT));
    }
}
