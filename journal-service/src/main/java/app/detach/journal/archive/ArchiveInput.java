package app.detach.journal.archive;

import app.detach.journal.draft.DraftInput;
import app.detach.journal.entry.EntryInput;
import app.detach.journal.reason.ReasonsInput;
import app.detach.rest.Problem.FieldError;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A journal archive to restore, validated as a whole: every problem is reported with its path
 * ({@code entries[3].mood}) and nothing is restored while one remains. Entries and drafts obey the
 * same rules as when they are written through the API.
 */
public record ArchiveInput(List<Entry> entries, List<Draft> drafts, List<String> reasons) {

    static final int MAX_ERRORS = 50;
    private static final Set<String> TOP = Set.of("version", "entries", "drafts", "reasons");
    private static final Set<String> ENTRY_EXTRA = Set.of("id", "noContactDay", "createdAt", "updatedAt");
    private static final Set<String> DRAFT_EXTRA = Set.of("id", "createdAt", "pauseUntil", "outcome", "decidedAt");
    private static final Set<String> OUTCOMES = Set.of("KEPT_UNSENT", "SENT");

    public record Entry(EntryInput input, Integer noContactDay, Instant createdAt, Instant updatedAt) {
    }

    public record Draft(DraftInput input, Instant createdAt, Instant pauseUntil, String outcome, Instant decidedAt) {
    }

    public int size() {
        return entries.size() + drafts.size() + reasons.size();
    }

    public static ArchiveInput parse(JsonNode json, Predicate<String> promptExists, Duration pause) {
        if (json == null || !json.isObject()) {
            throw ProblemException.invalid("body", "must be a journal archive (a JSON object)");
        }
        List<FieldError> errors = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!TOP.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        });
        JsonNode version = json.get("version");
        if (version == null || !version.isIntegralNumber() || version.intValue() != JournalArchive.VERSION) {
            errors.add(new FieldError("version", "must be " + JournalArchive.VERSION));
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : array(json, "entries", errors)) {
            entries.add(entry(node, "entries[" + entries.size() + "]", promptExists, errors));
        }
        List<Draft> drafts = new ArrayList<>();
        for (JsonNode node : array(json, "drafts", errors)) {
            drafts.add(draft(node, "drafts[" + drafts.size() + "]", pause, errors));
        }
        List<String> reasons = json.hasNonNull("reasons")
                ? ReasonsInput.reasons(json.get("reasons"), "reasons", errors) : List.of();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        return new ArchiveInput(entries, drafts, reasons);
    }

    private static Iterable<JsonNode> array(JsonNode json, String field, List<FieldError> errors) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError(field, "must be an array"));
            return List.of();
        }
        return node;
    }

    private static Entry entry(JsonNode node, String path, Predicate<String> promptExists, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        ObjectNode written = ((ObjectNode) node).deepCopy();
        written.remove(ENTRY_EXTRA);
        EntryInput input = nested(path, errors, () -> EntryInput.parse(written, promptExists));
        Integer noContactDay = null;
        JsonNode day = node.get("noContactDay");
        if (day != null && !day.isNull()) {
            if (day.isIntegralNumber() && day.canConvertToInt() && day.intValue() >= 0) {
                noContactDay = day.intValue();
            } else {
                errors.add(new FieldError(path + ".noContactDay", "must be a whole number from 0, or null"));
            }
        }
        Instant createdAt = instant(node, path, "createdAt", true, errors);
        Instant updatedAt = instant(node, path, "updatedAt", false, errors);
        return new Entry(input, noContactDay, createdAt, updatedAt == null ? createdAt : updatedAt);
    }

    private static Draft draft(JsonNode node, String path, Duration pause, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        ObjectNode written = ((ObjectNode) node).deepCopy();
        written.remove(DRAFT_EXTRA);
        DraftInput input = nested(path, errors, () -> DraftInput.parse(written));
        Instant createdAt = instant(node, path, "createdAt", true, errors);
        Instant pauseUntil = instant(node, path, "pauseUntil", false, errors);
        Instant decidedAt = instant(node, path, "decidedAt", false, errors);
        String outcome = null;
        JsonNode value = node.get("outcome");
        if (value != null && !value.isNull()) {
            if (value.isTextual() && OUTCOMES.contains(value.textValue())) {
                outcome = value.textValue();
            } else {
                errors.add(new FieldError(path + ".outcome", "must be KEPT_UNSENT, SENT or null"));
            }
        }
        boolean noOutcome = value == null || value.isNull();
        if (outcome != null && decidedAt == null) {
            errors.add(new FieldError(path + ".decidedAt", "is required with an outcome"));
        } else if (noOutcome && decidedAt != null) {
            errors.add(new FieldError(path + ".decidedAt", "must be null without an outcome"));
        }
        return new Draft(input, createdAt,
                pauseUntil != null ? pauseUntil : createdAt == null ? null : createdAt.plus(pause), outcome, decidedAt);
    }

    private static <T> T nested(String path, List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ProblemException e) {
            List<FieldError> nested = e.problem().errors() == null ? List.of() : e.problem().errors();
            nested.forEach(error -> errors.add(new FieldError(path + "." + error.field(), error.message())));
            return null;
        }
    }

    private static Instant instant(JsonNode node, String path, String field, boolean required, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(path + "." + field, "is required"));
            }
            return null;
        }
        if (value.isTextual()) {
            try {
                return Instant.parse(value.textValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError(path + "." + field, "must be an ISO-8601 instant such as 2026-11-23T08:14:03Z"));
        return null;
    }
}
