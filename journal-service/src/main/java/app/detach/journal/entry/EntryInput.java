package app.detach.journal.entry;

import app.detach.journal.time.Zones;
import app.detach.rest.Problem.FieldError;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A validated entry as sent to POST and PUT. Parsed from the JSON tree by hand so that every
 * problem (wrong type, out of range, unknown tag, unknown field) is reported at once, each with
 * its field, and so that no coercion ("7" or 7.5 for a number) slips through.
 *
 * @param body the text, stripped of leading and trailing white space
 */
public record EntryInput(String body, int mood, int urge, List<String> emotions, String promptId, String timeZone) {

    public static final int MAX_BODY_CHARS = 20_000;
    private static final Set<String> FIELDS = Set.of("body", "mood", "urge", "emotions", "promptId", "timeZone");

    /**
     * @param promptExists tells whether a prompt id is in the library
     * @throws ProblemException 400 listing each invalid field
     */
    public static EntryInput parse(JsonNode json, Predicate<String> promptExists) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw ProblemException.invalid("body", "a JSON object with the entry is required");
        }
        if (!json.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        });
        String body = body(json.get("body"), errors);
        int mood = number(json.get("mood"), "mood", 1, 10, errors);
        int urge = number(json.get("urge"), "urge", 0, 10, errors);
        List<String> emotions = emotions(json.get("emotions"), errors);
        String promptId = promptId(json.get("promptId"), promptExists, errors);
        String timeZone = Zones.field(json.get("timeZone"), "timeZone", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new EntryInput(body, mood, urge, emotions, promptId, timeZone);
    }

    /** Length in Unicode code points: an emoji counts as one character, as a person would count it. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A required text of 1 to 20,000 code points once stripped; also the body of a draft. */
    public static String body(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("body", "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("body", "must be a string"));
            return null;
        }
        String stripped = node.textValue().strip();
        int length = length(stripped);
        if (length == 0) {
            errors.add(new FieldError("body", "must not be blank"));
        } else if (length > MAX_BODY_CHARS) {
            errors.add(new FieldError("body", "must be at most " + MAX_BODY_CHARS + " characters, is " + length));
        }
        return stripped;
    }

    static int number(JsonNode node, String field, int min, int max, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
            return 0;
        }
        int value = node.intValue();
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
        }
        return value;
    }

    private static List<String> emotions(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError("emotions", "must be an array of emotion tags"));
            return List.of();
        }
        if (node.size() > Emotions.MAX_PER_ENTRY) {
            errors.add(new FieldError("emotions", "at most " + Emotions.MAX_PER_ENTRY + " tags, got " + node.size()));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "emotions[" + i + "]";
            if (!item.isTextual()) {
                errors.add(new FieldError(field, "must be a string"));
            } else if (!Emotions.isKnown(item.textValue())) {
                errors.add(new FieldError(field, "unknown emotion '" + printable(item.textValue())
                        + "'; use one of the documented tags"));
            } else if (!tags.add(item.textValue())) {
                errors.add(new FieldError(field, "'" + item.textValue() + "' is listed twice"));
            }
        }
        return List.copyOf(tags);
    }

    private static String promptId(JsonNode node, Predicate<String> promptExists, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("promptId", "must be a string"));
            return null;
        }
        if (!promptExists.test(node.textValue())) {
            errors.add(new FieldError("promptId", "no prompt has the id '" + printable(node.textValue()) + "'"));
            return null;
        }
        return node.textValue();
    }

    // an unknown tag is echoed to help the client; keep it short and free of control characters
    static String printable(String value) {
        String cleaned = value.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() < value.length() ? cleaned + "…" : cleaned;
    }
}
