package app.detach.journal.time;

import app.detach.rest.ProblemException;

import java.time.DateTimeException;
import java.time.ZoneId;

/** IANA time zones given as query parameters. */
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
}
