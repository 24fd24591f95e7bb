package app.detach.journal.draft;

import app.detach.journal.entry.EntryInput;
import app.detach.journal.time.Zones;
import app.detach.rest.Problem.FieldError;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A new draft: its text (1 to 20,000 code points once stripped, like an entry body) and the zone
 * in force on the device. Every problem is reported at once, each with its field.
 */
public record DraftInput(String body, String timeZone) {

    private static final Set<String> FIELDS = Set.of("body", "timeZone");

    public static DraftInput parse(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw ProblemException.invalid("body", "a JSON object with the draft is required");
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
        String body = EntryInput.body(json.get("body"), errors);
        String timeZone = Zones.field(json.get("timeZone"), "timeZone", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new DraftInput(body, timeZone);
    }
}
