package app.detach.local;

import java.util.List;

/**
 * A failure the user can act on: the message is one line (what failed and where to look); the
 * optional detail lines (e.g. the last lines of a child's log) are printed below it.
 */
public final class StackException extends RuntimeException {

    private final List<String> detail;

    public StackException(String message) {
        this(message, List.of(), null);
    }

    public StackException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public StackException(String message, List<String> detail) {
        this(message, detail, null);
    }

    private StackException(String message, List<String> detail, Throwable cause) {
        super(message, cause);
        this.detail = List.copyOf(detail);
    }

    /** Extra lines explaining the failure, possibly empty. */
    public List<String> detail() {
        return detail;
    }
}
