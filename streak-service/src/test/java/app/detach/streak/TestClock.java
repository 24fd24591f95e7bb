package app.detach.streak;

import io.quarkus.arc.Arc;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests: the system clock until a test fixes it, then whatever the
 * test says. Tests that move it call {@link #reset()} afterwards (the app is shared).
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    public static TestClock get() {
        return Arc.container().instance(TestClock.class).get();
    }

    /** Fixes now at {@code instant}; returns it. */
    public Instant set(Instant instant) {
        fixed = instant.truncatedTo(ChronoUnit.MICROS);
        return fixed;
    }

    public Instant advance(Duration by) {
        return set(instant().plus(by));
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application works in instants");
    }
}
