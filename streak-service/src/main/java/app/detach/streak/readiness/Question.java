package app.detach.streak.readiness;

import java.util.List;
import java.util.Optional;

/**
 * One question of the readiness self-check, linked to the guide in content-service that talks
 * about it ({@code articleSlug}). The texts are our own words: gentle questions, not a test.
 */
public record Question(String id, String text, Kind kind, String articleSlug) {

    public enum Kind { SCALE_1_5, YES_NO, TEXT }

    public static final String SETTLED = "settled";
    public static final String HOPES = "hopes";
    public static final String BACK_TOGETHER = "backTogether";
    public static final String APOLOGISED = "apologised";
    public static final String GOOD_ENOUGH = "goodEnough";
    public static final String IF_NO = "ifNo";
    public static final String PATTERNS = "patterns";
    public static final String SUPPORT = "support";

    /** The self-check, in the order it is asked. */
    public static final List<Question> ALL = List.of(
            new Question(SETTLED, "On most days now, how settled do you feel when they come to mind?"
                    + " (1 = still very raw, 5 = calm)", Kind.SCALE_1_5, "reaching-out-when-healed"),
            new Question(HOPES, "What are you hoping will happen if you get in touch?", Kind.TEXT,
                    "do-you-want-them-back"),
            new Question(BACK_TOGETHER, "Part of you is hoping to get back together.", Kind.YES_NO,
                    "is-getting-back-together-realistic"),
            new Question(APOLOGISED, "If you owed an apology, have you already given it once?", Kind.YES_NO,
                    "apologising-once"),
            new Question(GOOD_ENOUGH, "What would be a good enough outcome for you, even a small one?", Kind.TEXT,
                    "letting-time-do-its-work"),
            new Question(IF_NO, "If they don't answer, or answer coldly, how well could you carry that?"
                    + " (1 = it would floor me, 5 = I would be okay)", Kind.SCALE_1_5, "moving-on"),
            new Question(PATTERNS, "Can you see the patterns that ended it, yours and theirs, without blaming"
                    + " anyone?", Kind.YES_NO, "patterns-that-ended-it"),
            new Question(SUPPORT, "Is there someone you trust you could talk to before and after?", Kind.YES_NO,
                    "talking-to-people-you-trust"));

    public static Optional<Question> byId(String id) {
        return ALL.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
