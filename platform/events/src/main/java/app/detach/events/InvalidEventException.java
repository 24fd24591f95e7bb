package app.detach.events;

import java.util.List;

/** Event data that does not match its JSON Schema; the message names the type and every violation. */
public class InvalidEventException extends IllegalArgumentException {

    private final String type;
    private final List<String> violations;

    public InvalidEventException(String type, List<String> violations) {
        super("invalid " + type + " event data: " + String.join("; ", violations));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    /** The CloudEvents type that was checked. */
    public String type() {
        return type;
    }

    /** One message per violation, each starting with the JSON path of the field, e.g. {@code $.mood: …}. */
    public List<String> violations() {
        return violations;
    }
}
