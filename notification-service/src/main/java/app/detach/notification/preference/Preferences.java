package app.detach.notification.preference;

import app.detach.events.streak.UserDays;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A user's preferences as the delivery rules use them. Users who never saved any get
 * {@link #defaults()}: UTC, no daily check-in (20:00 when switched on), no quiet hours, in-app only,
 * no email, no new-guide messages - nothing is sent that the user did not ask for, except the
 * in-app messages the rules make.
 *
 * @param zone the zone in force: streak-service's day settings once known, else the zone saved here
 * @param quietStart start of quiet hours (null = none); may be after {@code quietEnd} (wraps midnight)
 * @param weeklyExport whether the user asked for the weekly export email (needs an address, not the email channel)
 * @param dayStartHour the hour (0–6) the user's day starts at, from streak-service's day settings
 */
public record Preferences(ZoneId zone, boolean checkInEnabled, LocalTime checkInTime, LocalTime quietStart,
        LocalTime quietEnd, boolean inApp, boolean emailChannel, String email, boolean newGuides, boolean weeklyExport,
        int dayStartHour) {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public static Preferences defaults() {
        return new Preferences(ZoneId.of("UTC"), false, LocalTime.of(20, 0), null, null, true, false, null, false, false, 0);
    }

    /** The same preferences in the user's days as streak-service counts them (zone and day-start hour). */
    public Preferences withDays(ZoneId dayZone, int startHour) {
        return new Preferences(dayZone, checkInEnabled, checkInTime, quietStart, quietEnd, inApp, emailChannel, email,
                newGuides, weeklyExport, startHour);
    }

    /** The user's days: "today", the check-in key and the "one per day" rules use them. */
    public UserDays days() {
        return new UserDays(zone, dayStartHour);
    }

    public boolean hasQuietHours() {
        return quietStart != null && quietEnd != null;
    }

    /** Whether a message of this kind is emailed: the weekly export follows its own switch, the rest the channel. */
    public boolean wantsEmail(String kind) {
        return emailWanted(kind, emailChannel, weeklyExport, email);
    }

    /**
     * The one rule for emailing, used when a message is written and again when it is sent (an
     * unsubscribe in between wins): the weekly export email goes to users who asked for it and gave
     * an address, every other message to users with the email channel on and an address.
     */
    public static boolean emailWanted(String kind, boolean emailChannel, boolean weeklyExport, String address) {
        boolean wanted = WEEKLY_EXPORT_KIND.equals(kind) ? weeklyExport : emailChannel;
        return wanted && hasAddress(address);
    }

    /** The kind of the weekly export message. */
    public static final String WEEKLY_EXPORT_KIND = "weekly-export";

    private static boolean hasAddress(String address) {
        return address != null && !address.isBlank();
    }

    static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm, HH_MM);
    }

    static String text(LocalTime time) {
        return time == null ? null : time.format(HH_MM);
    }
}
