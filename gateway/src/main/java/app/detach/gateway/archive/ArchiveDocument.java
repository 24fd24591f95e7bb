package app.detach.gateway.archive;

import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one-file archive of everything a user has across services:
 * {@code {format:"detach-archive", version:1, exportedAt, journal, streak, notifications}}, each
 * part exactly what that service's {@code GET …/archive} answered. The gateway does not look inside
 * the parts: each service validates its own part when it restores it.
 */
final class ArchiveDocument {

    static final String FORMAT = "detach-archive";
    static final int VERSION = 1;

    private ArchiveDocument() {
    }

    /** The export, parts in the documented field order (journal, streak, notifications). */
    static ObjectNode of(Instant exportedAt, Map<ArchivePart, JsonNode> parts) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("exportedAt", exportedAt.toString());
        for (ArchivePart part : List.of(ArchivePart.JOURNAL, ArchivePart.STREAK, ArchivePart.NOTIFICATIONS)) {
            document.set(part.field(), parts.getOrDefault(part, JsonNodeFactory.instance.nullNode()));
        }
        return document;
    }

    /**
     * The parts of an uploaded archive to restore, in restore order; a part that is absent or
     * {@code null} is skipped. A document that is not a Detach archive of a version we can read is a
     * 400 problem naming each wrong field.
     */
    static Map<ArchivePart, JsonNode> partsToRestore(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw invalid(List.of(new Problem.FieldError("", "must be a JSON object: a Detach archive")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonNode format = document.get("format");
        if (format == null || !format.isTextual() || !FORMAT.equals(format.asText())) {
            errors.add(new Problem.FieldError("format", "must be \"" + FORMAT + "\""));
        }
        JsonNode version = document.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != VERSION) {
            errors.add(new Problem.FieldError("version", "must be " + VERSION + " (this Detach reads version "
                    + VERSION + " archives)"));
        }
        Map<ArchivePart, JsonNode> parts = new EnumMap<>(ArchivePart.class);
        for (ArchivePart part : ArchivePart.values()) {
            JsonNode value = document.get(part.field());
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isObject()) {
                errors.add(new Problem.FieldError(part.field(), "must be an object, as exported"));
            } else {
                parts.put(part, value);
            }
        }
        if (errors.isEmpty() && parts.isEmpty()) {
            errors.add(new Problem.FieldError("", "holds nothing to restore (no journal, streak or notifications)"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return parts;
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, "Bad Request",
                "This file is not a Detach archive we can import.").withErrors(errors));
    }
}
