package app.detach.journal.draft;

import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;

/** What the user did after the pause: kept the message unsent, or sent it after all. */
public enum Outcome {
    KEPT_UNSENT, SENT;

    /** Parses {@code {"outcome": "KEPT_UNSENT" | "SENT"}}; anything else → 400 naming the field. */
    static Outcome parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object with the outcome");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!"outcome".equals(name)) {
                throw ProblemException.invalid(name, "unknown field");
            }
        });
        JsonNode node = json.get("outcome");
        if (node == null || node.isNull()) {
            throw ProblemException.invalid("outcome", "is required");
        }
        if (node.isTextual()) {
            for (Outcome outcome : values()) {
                if (outcome.name().equals(node.textValue())) {
                    return outcome;
                }
            }
        }
        throw ProblemException.invalid("outcome", "must be one of " + Arrays.toString(values()));
    }
}
