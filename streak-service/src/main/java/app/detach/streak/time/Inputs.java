package app.detach.streak.time;

import app.detach.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Validation of the time inputs every endpoint shares: IANA zones and (backdated) instants. */
@ApplicationScoped
public class Inputs {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final Duration maxBackdate;

    Inputs(@ConfigProperty(name = "detach.streak.max-backdate", defaultValue = "365d") Duration maxBackdate) {
        this.maxBackdate = maxBackdate;
    }

    /**
     * An IANA region id such as {@code Europe/Paris} (also {@code UTC}, {@code Etc/GMT+3}). Fixed
     * offsets like {@code +02:00} are refused: they have no DST rules, so days would drift.
     */
    public static ZoneId zone(String field, String id) {
        if (id == null || !ZONES.contains(id)) {
            throw ProblemException.invalid(field, "'" + id + "' is not an IANA time zone (e.g. Europe/Paris)");
        }
        return ZoneId.of(id);
    }

    /** An instant not after {@code now} and at most {@code detach.streak.max-backdate} before it, at micros. */
    public Instant pastInstant(String field, Instant value, Instant now) {
        Instant at = value.truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            throw ProblemException.invalid(field, "must not be in the future");
        }
        if (at.isBefore(now.minus(maxBackdate))) {
            throw ProblemException.invalid(field, "must not be more than " + maxBackdate.toDays() + " days ago");
        }
        return at;
    }
}
