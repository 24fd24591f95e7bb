package app.detach.streak.readiness;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A kind reading of a readiness check: it reflects the answers back, points to what might help,
 * and leaves the decision with the user. Never a verdict, never advice about health. Derived from
 * the answers each time (it is not stored), so better wording reaches old checks too.
 */
public final class Summary {

    private Summary() {
    }

    public static String of(Map<String, JsonNode> answers) {
        List<String> parts = new ArrayList<>();
        Integer settled = scale(answers, Question.SETTLED);
        Integer ifNo = scale(answers, Question.IF_NO);
        boolean raw = (settled != null && settled <= 2) || (ifNo != null && ifNo <= 2);
        boolean steady = settled != null && settled >= 4 && (ifNo == null || ifNo >= 4);
        if (raw) {
            parts.add("Some of your answers say this still hurts a lot right now. That is not a failing: it may"
                    + " simply mean that giving it more time would be kinder to you.");
        } else if (steady) {
            parts.add("You describe feeling fairly settled, and able to carry whatever answer comes."
                    + " That is a steady place to decide from.");
        } else {
            parts.add("Your answers sound mixed, which is very human. There is no deadline: you can sit with"
                    + " this for a while.");
        }
        if (yes(answers, Question.BACK_TOGETHER)) {
            parts.add("You said part of you hopes to get back together; the guide on whether that is realistic"
                    + " may be worth a quiet read first.");
        }
        if (no(answers, Question.APOLOGISED)) {
            parts.add("If an apology is what you want to give, it can be said once, cleanly, without asking for"
                    + " anything back.");
        }
        if (no(answers, Question.SUPPORT)) {
            parts.add("It could help to have someone you trust to talk to before and after, so you are not"
                    + " alone with it.");
        }
        parts.add("Whatever you decide is your choice, and you can come back to this check any time.");
        return String.join(" ", parts);
    }

    private static Integer scale(Map<String, JsonNode> answers, String id) {
        JsonNode value = answers.get(id);
        return value != null && value.isInt() ? value.intValue() : null;
    }

    private static boolean yes(Map<String, JsonNode> answers, String id) {
        JsonNode value = answers.get(id);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    private static boolean no(Map<String, JsonNode> answers, String id) {
        JsonNode value = answers.get(id);
        return value != null && value.isBoolean() && !value.booleanValue();
    }
}
