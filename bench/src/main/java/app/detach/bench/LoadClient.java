package app.detach.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A small HTTP load generator on java.net.http (asynchronous, HTTP/1.1 keep-alive, one connection
 * per outstanding request). Two models:
 * <ul>
 *   <li>closed: {@code concurrency} requests always in flight, each sent when the previous one
 *       answered; finds the maximum throughput;</li>
 *   <li>open (constant rate): requests are sent on a fixed schedule whatever the answers do, and
 *       latency is measured from the <em>intended</em> send time, so a stall is not hidden by the
 *       generator waiting (no coordinated omission).</li>
 * </ul>
 */
public final class LoadClient {

    /** Outcome of one run. */
    public record Result(double throughput, long ok, long errors, Percentiles latency, String firstError) {
    }

    private static final int MAX_OUTSTANDING = 4000;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "load-client");
                t.setDaemon(true);
                return t;
            }))
            .build();

    public HttpClient http() {
        return client;
    }

    /** {@code concurrency} requests in flight for {@code warmup + measure}; counts only the measure window. */
    public Result closed(Supplier<HttpRequest> request, int concurrency, Duration warmup, Duration measure) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        CountDownLatch chains = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            chain(request, end, measureFrom, ok, errors, firstError, samples, chains);
        }
        await(chains, measure.plus(warmup).plusSeconds(30));
        double seconds = measure.toNanos() / 1e9;
        return new Result(ok.get() / seconds, ok.get(), errors.get(), new Percentiles(toArray(samples)), firstError.get());
    }

    private void chain(Supplier<HttpRequest> request, long end, long measureFrom, AtomicLong ok, AtomicLong errors,
            AtomicReference<String> firstError, ConcurrentLinkedQueue<Long> samples, CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= end) {
            done.countDown();
            return;
        }
        client.sendAsync(request.get(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (sent >= measureFrom && now <= end) {
                if (failure == null && response.statusCode() < 400) {
                    ok.incrementAndGet();
                    samples.add(now - sent);
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, describe(response, failure));
                }
            }
            chain(request, end, measureFrom, ok, errors, firstError, samples, done);
        });
    }

    /** {@code rate} requests per second on a fixed schedule for {@code duration}, after a short warm-up at the same rate. */
    public Result open(Supplier<HttpRequest> request, double rate, Duration warmup, Duration duration) {
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        long dropped = 0;
        for (long i = 0; ; i++) {
            long intended = start + i * period;
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean counted = intended >= measureFrom;
            if (outstanding.get() >= MAX_OUTSTANDING) {
                // the system fell far behind the schedule: count as an error rather than queue forever
                if (counted) {
                    dropped++;
                }
                continue;
            }
            outstanding.incrementAndGet();
            client.sendAsync(request.get(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                outstanding.decrementAndGet();
                if (!counted) {
                    return;
                }
                if (failure == null && response.statusCode() < 400) {
                    ok.incrementAndGet();
                    samples.add(System.nanoTime() - intended);
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, describe(response, failure));
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        long lost = dropped + outstanding.get();
        return new Result((ok.get()) / (duration.toNanos() / 1e9), ok.get(), errors.get() + lost,
                new Percentiles(toArray(samples)), firstError.get() != null ? firstError.get() : lost > 0 ? lost + " requests dropped (generator far behind)" : null);
    }

    /** Sequential requests (one connection), latency of each. */
    public Result sequential(Supplier<HttpRequest> request, int warmup, int count) {
        long[] samples = new long[count];
        long ok = 0;
        long errors = 0;
        String firstError = null;
        long begin = 0;
        for (int i = -warmup; i < count; i++) {
            if (i == 0) {
                begin = System.nanoTime();
            }
            long t = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request.get(), HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - t;
                if (response.statusCode() >= 400) {
                    errors++;
                    firstError = firstError == null ? describe(response, null) : firstError;
                } else if (i >= 0) {
                    samples[(int) ok++] = took;
                }
            } catch (Exception e) {
                errors++;
                firstError = firstError == null ? describe(null, e) : firstError;
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(ok / seconds, ok, errors, new Percentiles(java.util.Arrays.copyOf(samples, (int) ok)), firstError);
    }

    private static String describe(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            return failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        String body = response.body() == null ? "" : response.body();
        return response.statusCode() + " " + body.substring(0, Math.min(200, body.length()));
    }

    private static long[] toArray(ConcurrentLinkedQueue<Long> samples) {
        return samples.stream().mapToLong(Long::longValue).toArray();
    }

    private static void await(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
