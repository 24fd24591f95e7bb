package app.detach.streak.current;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * PUT /api/streak.
 *
 * @param startedAt when no contact began; not in the future, at most {@code detach.streak.max-backdate} ago
 * @param timeZone  IANA zone id (e.g. {@code Europe/Paris}) the days are counted in
 * @param socialMediaCheckBreaks whether looking at the ex's social media counts as breaking no contact (default false)
 */
public record StartRequest(
        @NotNull Instant startedAt,
        @NotBlank @Size(max = 64) String timeZone,
        Boolean socialMediaCheckBreaks) {
}
