package app.detach.streak.archive;

import app.detach.events.streak.ContactKind;
import app.detach.streak.contact.ContactPurpose;
import app.detach.streak.settings.SettingsView;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything streak-service holds about a user, as GET /api/streak/archive answers it and
 * POST /api/streak/archive takes it back (version 1). {@code settings} is null for a user who
 * never stored any (then only readiness checks can be in it). Notes and text answers are the
 * user's own words: they are in the archive because it is theirs.
 */
public record Archive(
        @NotNull @Min(1) @Max(1) Integer version,
        @Valid SettingsView settings,
        @NotNull @Size(max = 10_000) List<@Valid @NotNull ArchivedStreak> streaks,
        @NotNull @Size(max = 100_000) List<@Valid @NotNull ArchivedContact> contacts,
        @NotNull @Size(max = 100_000) List<@Valid @NotNull ArchivedUrge> urges,
        @NotNull @Size(max = 100_000) List<@Valid @NotNull ArchivedCheckIn> checkIns,
        @NotNull @Size(max = 1_000) List<@Valid @NotNull ArchivedReadinessCheck> readinessChecks) {

    public static final int VERSION = 1;

    /** A streak; the current one has no {@code endedAt}. */
    public record ArchivedStreak(
            @NotNull UUID streakId,
            @NotNull Instant startedAt,
            @NotNull LocalDate startDate,
            Instant endedAt,
            @Min(0) Integer days,
            @Pattern(regexp = "CONTACT|RESTARTED|CHOSEN") String endedBy,
            UUID contactId,
            ContactKind contactKind,
            UUID readinessCheckId) {
    }

    public record ArchivedContact(
            @NotNull UUID contactId,
            @NotNull ContactKind kind,
            @NotNull Instant occurredAt,
            @NotNull Boolean brokeStreak,
            @Size(max = 2000) String note,
            ContactPurpose purpose,
            @Size(max = 64) String timeZone) {
    }

    public record ArchivedUrge(
            @NotNull UUID urgeId,
            @NotNull @Min(1) @Max(10) Integer intensity,
            @NotNull Instant occurredAt,
            @Size(max = 2000) String note,
            @Size(max = 64) String timeZone) {
    }

    public record ArchivedCheckIn(
            @NotNull UUID checkInId,
            @NotNull LocalDate localDate,
            @NotNull Instant checkedInAt,
            @NotNull @Min(1) Integer checkInStreakDays,
            @Size(max = 64) String timeZone) {
    }

    /** {@code summary} is written on export for the reader and ignored on import (it is derived). */
    public record ArchivedReadinessCheck(
            @NotNull UUID id,
            @NotNull Instant createdAt,
            @NotNull Map<String, JsonNode> answers,
            String summary) {
    }

    /** What POST /api/streak/archive restored, per kind of record. */
    public record Restored(Map<String, Integer> restored) {
    }
}
