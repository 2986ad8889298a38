import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Constant-rate load (wrk2 style) with an HdrHistogram of latencies: requests are scheduled at fixed instants
 * ({@code rate} per second) and every latency is measured from the instant the request <em>should</em> have been sent,
 * so a stalled server is not hidden by a client that waits for it (no coordinated omission).
 *
 * <pre>java -cp HdrHistogram.jar bench/ConstantRate.java URL RATE SECONDS [locate-city]</pre>
 *
 * With a fourth argument the URL is a base and every request locates another random point inside Praha (as
 * bench/districts-locate.lua does). Prints p50/p90/p99/p99.9/max in ms and the count of non-2xx answers.
 * Run by bench/districts-locate-latency.sh.
 */
public class ConstantRate {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String city = args.length > 3 ? args[3] : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        Random random = new Random(42);
        Supplier<URI> next = city == null ? () -> URI.create(url) : () -> URI.create(String.format(
                "%s/api/cities/%s/districts/locate?lat=%.6f&lon=%.6f&geometry=false", url, city,
                50.02 + random.nextDouble() * 0.10, 14.35 + random.nextDouble() * 0.23));
        // warm-up: 3 s at the same rate, not recorded
        run(http, next, rate, 3, null);
        Histogram h = new Histogram(60_000_000_000L, 3);
        AtomicLong bad = run(http, next, rate, seconds, h);
        System.out.printf("rate=%d/s seconds=%d requests=%d non_2xx=%d%n", rate, seconds, h.getTotalCount(), bad.get());
        System.out.printf("p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms%n",
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
        System.exit(0);
    }

    private static AtomicLong run(HttpClient http, Supplier<URI> next, int rate, int seconds, Histogram h)
            throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        AtomicLong bad = new AtomicLong();
        Semaphore open = new Semaphore(256); // at most this many requests in flight; beyond, the schedule slips
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            open.acquire();
            HttpRequest request = HttpRequest.newBuilder(next.get()).timeout(Duration.ofSeconds(30)).GET().build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                long latency = System.nanoTime() - intended;
                open.release();
                if (e != null || r.statusCode() / 100 != 2) {
                    bad.incrementAndGet();
                }
                if (h != null) {
                    synchronized (h) {
                        h.recordValue(Math.min(latency, h.getHighestTrackableValue()));
                    }
                }
            }));
            if (pending.size() > 4096) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return bad;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
