package app.detach.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the gateway sends each API prefix, and how patiently. {@code detach.gateway.routes.<name>}
 * is the base URL of one upstream service; the prefixes each name serves are fixed in
 * {@link Routes} because they are part of the public API.
 */
@ConfigMapping(prefix = "detach.gateway")
public interface GatewayConfig {

    /** Upstream name ({@code journal}, {@code streak}, {@code content}, {@code notification}) to base URL. */
    Map<String, URI> routes();

    Upstream upstream();

    Erasure erasure();

    RateLimit rateLimit();

    Archive archive();

    /** The one-file archive ({@code /api/me/archive}, package {@code archive}). */
    interface Archive {

        /** Longest a service may take to produce or restore its part (it is a whole history, not one page). */
        @WithDefault("30s")
        Duration timeout();
    }

    /** Per-user limit on /api/** (package {@code guard}): a bucket of {@code burst} requests refilled at {@code per-minute}. */
    interface RateLimit {

        @WithDefault("120")
        long burst();

        @WithDefault("300")
        long perMinute();
    }

    CircuitBreaker circuitBreaker();

    /** One circuit breaker per upstream: opens when most recent calls failed to reach it. */
    interface CircuitBreaker {

        /** How many recent calls are looked at. */
        @WithDefault("10")
        int requestVolume();

        /** Share of those that must have failed (unreachable or timed out) to open the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open circuit answers 503 at once before letting a trial call through. */
        @WithDefault("5s")
        Duration delay();
    }

    /** Account erasure ({@code DELETE /api/me}, package {@code me}). */
    interface Erasure {

        /**
         * Longest wait for the broker to acknowledge erasure-requested; longer than the channel's
         * {@code delivery.timeout.ms}, so a request answered 503 is one the producer gave up on.
         */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Remove the Keycloak account too (off only in the gateway's tests, which have no Keycloak). */
        @WithDefault("true")
        boolean deleteAccount();
    }

    interface Upstream {

        /** Time allowed to open a connection to an upstream. */
        @WithDefault("2s")
        Duration connectTimeout();

        /**
         * Time allowed between sending a request upstream and receiving the response headers. A
         * streaming body (SSE) may take as long as it likes once the headers have arrived.
         */
        @WithDefault("10s")
        Duration responseTimeout();

        /** Connections kept per upstream. */
        @WithDefault("50")
        int maxPoolSize();
    }
}
