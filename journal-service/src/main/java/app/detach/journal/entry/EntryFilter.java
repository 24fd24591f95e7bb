package app.detach.journal.entry;

import app.detach.rest.Problem.FieldError;
import app.detach.rest.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * List filters; they combine (AND). {@code from} is inclusive, {@code to} exclusive; both take an
 * ISO-8601 instant with offset ({@code 2026-11-01T08:00:00Z}) or a date ({@code 2026-11-01}, a
 * whole UTC day: {@code to=2026-11-01} includes that day).
 */
public record EntryFilter(Instant from, Instant to, String emotion, Integer minMood, Integer maxMood) {

    public static final EntryFilter NONE = new EntryFilter(null, null, null, null, null);

    /** @throws ProblemException 400 listing each invalid parameter */
    public static EntryFilter parse(String from, String to, String emotion, String minMood, String maxMood) {
        List<FieldError> errors = new ArrayList<>();
        Instant fromInstant = instant("from", from, false, errors);
        Instant toInstant = instant("to", to, true, errors);
        if (emotion != null && !Emotions.isKnown(emotion)) {
            errors.add(new FieldError("emotion", "is not one of the documented emotion tags"));
        }
        Integer min = mood("minMood", minMood, errors);
        Integer max = mood("maxMood", maxMood, errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (min != null && max != null && min > max) {
            errors.add(new FieldError("minMood", "must not be greater than maxMood"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new EntryFilter(fromInstant, toInstant, emotion, min, max);
    }

    private static Instant instant(String field, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset or a date"));
            return null;
        }
    }

    private static Integer mood(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int mood = Integer.parseInt(value);
            if (mood >= 1 && mood <= 10) {
                return mood;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from 1 to 10"));
        return null;
    }
}
