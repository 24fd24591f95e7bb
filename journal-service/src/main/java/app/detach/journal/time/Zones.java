package app.detach.journal.time;

import app.detach.rest.ProblemException;

import app.detach.rest.Problem.FieldError;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** IANA time zones given as query parameters or as the {@code timeZone} field of a write. */
public final class Zones {

    private Zones() {
    }

    /** @return null when absent; @throws ProblemException 400 naming the parameter when unknown */
    public static ZoneId parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(parameter, "is not an IANA time zone such as Europe/Paris");
        }
    }

    /**
     * The optional {@code timeZone} field of a write: the zone in force on the writer's device.
     * Only region ids (Europe/Paris) and UTC are accepted, not offsets: an offset is not a zone.
     *
     * @return null when absent or null; adds a field error when it is not an IANA zone
     */
    public static String field(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() && isIana(node.textValue())) {
            return ZoneId.of(node.textValue()).getId();
        }
        errors.add(new FieldError(field, "must be an IANA time zone such as Europe/Paris"));
        return null;
    }

    public static boolean isIana(String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return false;
        }
        try {
            return ZoneId.getAvailableZoneIds().contains(ZoneId.of(value).getId()) || "UTC".equals(value);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
