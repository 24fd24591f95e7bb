package app.detach.notification.preference;

import app.detach.rest.Problem;
import app.detach.rest.ProblemException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON shape of {@code GET/PUT /api/notifications/preferences}. Validated by hand so every
 * wrong field is reported at once with its JSON path. {@code newGuides} and {@code weeklyExport} are
 * optional (absent = off), so clients written before them keep working. {@code dayStartHour} is read-only (it comes
 * from streak-service's day settings): accepted on PUT so a client can send back what it read, and
 * ignored.
 */
public record PreferencesDocument(String timeZone, DailyCheckIn dailyCheckIn, QuietHours quietHours,
        Channels channels, String email, Boolean newGuides, Boolean weeklyExport, Integer dayStartHour) {

    public record DailyCheckIn(Boolean enabled, String localTime) {
    }

    public record QuietHours(String start, String end) {
    }

    public record Channels(Boolean inApp, Boolean email) {
    }

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    // deliberately loose: one @, something on both sides, a dot in the domain; the mail server is the judge
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static PreferencesDocument of(Preferences p) {
        return new PreferencesDocument(p.zone().getId(),
                new DailyCheckIn(p.checkInEnabled(), Preferences.text(p.checkInTime())),
                p.hasQuietHours() ? new QuietHours(Preferences.text(p.quietStart()), Preferences.text(p.quietEnd())) : null,
                new Channels(p.inApp(), p.emailChannel()), p.email(), p.newGuides(), p.weeklyExport(), p.dayStartHour());
    }

    /** @throws ProblemException 400 listing every invalid field */
    public Preferences validate() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (timeZone == null || timeZone.isBlank()) {
            errors.add(new Problem.FieldError("timeZone", "is required"));
        } else if (!ZoneId.getAvailableZoneIds().contains(timeZone) && !"UTC".equals(timeZone)) {
            errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as Europe/Paris"));
        }
        if (dailyCheckIn == null) {
            errors.add(new Problem.FieldError("dailyCheckIn", "is required"));
        } else {
            if (dailyCheckIn.enabled() == null) {
                errors.add(new Problem.FieldError("dailyCheckIn.enabled", "is required"));
            }
            requireTime(errors, "dailyCheckIn.localTime", dailyCheckIn.localTime());
        }
        if (quietHours != null) {
            requireTime(errors, "quietHours.start", quietHours.start());
            requireTime(errors, "quietHours.end", quietHours.end());
            if (quietHours.start() != null && quietHours.start().equals(quietHours.end())) {
                errors.add(new Problem.FieldError("quietHours.end", "must differ from start (omit quietHours for none)"));
            }
        }
        if (channels == null) {
            errors.add(new Problem.FieldError("channels", "is required"));
        } else {
            if (channels.inApp() == null) {
                errors.add(new Problem.FieldError("channels.inApp", "is required"));
            }
            if (channels.email() == null) {
                errors.add(new Problem.FieldError("channels.email", "is required"));
            }
        }
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            errors.add(new Problem.FieldError("email", "must be an email address"));
        }
        if (channels != null && Boolean.TRUE.equals(channels.email()) && address == null) {
            errors.add(new Problem.FieldError("email", "is required when the email channel is on"));
        }
        if (Boolean.TRUE.equals(weeklyExport) && address == null) {
            errors.add(new Problem.FieldError("email", "is required for the weekly export email"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Preferences(ZoneId.of(timeZone), dailyCheckIn.enabled(), Preferences.time(dailyCheckIn.localTime()),
                quietHours == null ? null : Preferences.time(quietHours.start()),
                quietHours == null ? null : Preferences.time(quietHours.end()),
                channels.inApp(), channels.email(), address, Boolean.TRUE.equals(newGuides),
                Boolean.TRUE.equals(weeklyExport), 0);
    }

    private static void requireTime(List<Problem.FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "is required"));
        } else if (!HH_MM.matcher(value).matches()) {
            errors.add(new Problem.FieldError(field, "must be a local time HH:mm, e.g. 20:30"));
        }
    }
}
