package app.detach.journal.reason;

import app.detach.rest.Problem.FieldError;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"reasons": ["…", …]}}: at most 20 reasons, each 1 to 500 code points once stripped. An
 * empty list clears them.
 */
public final class ReasonsInput {

    public static final int MAX_REASONS = 20;
    public static final int MAX_CHARS = 500;

    private ReasonsInput() {
    }

    public static List<String> parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object with the reasons");
        }
        List<FieldError> errors = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!"reasons".equals(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        });
        List<String> reasons = reasons(json.get("reasons"), "reasons", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return reasons;
    }

    /** Validates a reasons array (also the archive's), adding each problem to {@code errors}. */
    public static List<String> reasons(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError(field, "must be an array of texts"));
            return List.of();
        }
        if (node.size() > MAX_REASONS) {
            errors.add(new FieldError(field, "at most " + MAX_REASONS + " reasons, got " + node.size()));
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isTextual()) {
                errors.add(new FieldError(itemField, "must be a string"));
                continue;
            }
            String reason = item.textValue().strip();
            int length = reason.codePointCount(0, reason.length());
            if (length == 0) {
                errors.add(new FieldError(itemField, "must not be blank"));
            } else if (length > MAX_CHARS) {
                errors.add(new FieldError(itemField, "must be at most " + MAX_CHARS + " characters, is " + length));
            }
            reasons.add(reason);
        }
        return List.copyOf(reasons);
    }
}
