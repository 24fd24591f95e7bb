package app.detach.streak.settings;

import app.detach.streak.current.StreakUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * GET and PUT /api/streak/settings (also the settings of an archive). Every field is required on
 * PUT except {@code limitedContact} (left as it is when absent).
 *
 * @param timeZone     IANA zone days are counted in
 * @param zoneMode     FOLLOW_CURRENT or PIN_HOME
 * @param dayStartHour the local hour (0–6) a day begins; 3 = "my day ends at 03:00"
 */
public record SettingsView(
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull ZoneMode zoneMode,
        @NotNull @Min(0) @Max(6) Integer dayStartHour,
        @NotNull Boolean socialMediaCheckBreaks,
        @Valid LimitedContact limitedContact) {

    /** Limited contact (co-parenting, work): necessary contacts logged with a purpose never count as slips. */
    public record LimitedContact(@NotNull Boolean enabled) {
    }

    public static SettingsView of(StreakUser user) {
        return new SettingsView(user.timeZone, ZoneMode.valueOf(user.zoneMode), user.dayStartHour,
                user.socialMediaCheckBreaks, new LimitedContact(user.limitedContact));
    }
}
