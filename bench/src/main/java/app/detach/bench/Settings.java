package app.detach.bench;

import java.time.Duration;

/** Durations of the measurement windows; {@code --quick} shortens everything for a smoke run. */
public record Settings(boolean quick, Duration warmup, Duration step, Duration latencyWindow) {

    public static Settings of(boolean quick) {
        return quick
                ? new Settings(true, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2))
                : new Settings(false, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(8));
    }
}
