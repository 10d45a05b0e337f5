package dev.dsrdesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on an intake: the desk's {@code POST /api/requests}, or its floor, the bare engine starting a process of the same
 * start shape through {@code /engine-rest}. Closed loop: N clients posting for a fixed time, each as fast as it is
 * answered (throughput at saturation). Open loop: arrivals at a fixed rate whatever the answers, each latency counted
 * from when the request was due to leave, so that a slow answer cannot hide the requests queued behind it.
 */
final class IntakeLoad {

    private IntakeLoad() {
    }

    /** What one intake is: where to post, what, and the status that says it was taken. */
    record Target(URI uri, String authorization, int acceptedStatus, boolean desk) {

        static Target desk(String baseUrl) {
            return new Target(URI.create(baseUrl + "/api/requests"), null, 201, true);
        }

        /** The same start shape, variables and history level, through the engine's own API, as the administrator. */
        static Target floor(String baseUrl) {
            return new Target(URI.create(baseUrl + "/engine-rest/process-definition/key/intake-floor/start"),
                    "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)), 200, false);
        }

        HttpRequest request() {
            String suffix = UUID.randomUUID().toString().substring(0, 12);
            String body = desk
                    ? """
                    {"type":"ACCESS","fullName":"Bench Subject","email":"bench+%s@example.org","country":"IT"}""".formatted(suffix)
                    : """
                    {"businessKey":"floor-%s","variables":{"requestType":{"value":"ACCESS"},"channel":{"value":"SELF_SERVICE"}}}"""
                    .formatted(suffix);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            return builder.build();
        }
    }

    /** Latency at a fixed arrival rate. */
    record OpenLoopFigures(int ratePerSecond, double achievedPerSecond, LoadFigures figures) {
    }

    static LoadFigures run(String baseUrl, int clients, Duration duration) throws Exception {
        return closedLoop(Target.desk(baseUrl), clients, duration);
    }

    static LoadFigures closedLoop(Target target, int clients, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                results.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    int errors = 0;
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = post(http, target);
                        long took = System.nanoTime() - start;
                        if (status != target.acceptedStatus()) {
                            errors++;
                            continue;
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = took;
                    }
                    long[] result = Arrays.copyOf(latencies, count + 1);
                    result[count] = errors;
                    return result;
                }));
            }
            List<Long> all = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> result : results) {
                long[] values = result.get();
                for (int i = 0; i < values.length - 1; i++) {
                    all.add(values[i]);
                }
                errors += values[values.length - 1];
            }
            return LoadFigures.of(all, errors, duration);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Requests leave at {@code ratePerSecond}, each on its own schedule, for {@code duration}; the answers are awaited
     * at the end. A request's latency runs from its scheduled departure to its answer.
     */
    static OpenLoopFigures openLoop(Target target, int ratePerSecond, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(64)).build();
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long total = duration.toSeconds() * ratePerSecond;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        long first = System.nanoTime();
        for (long sent = 0; sent < total; sent++) {
            long due = first + sent * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            answers.add(http.sendAsync(target.request(), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                if (failure != null || response.statusCode() != target.acceptedStatus()) {
                    errors.incrementAndGet();
                } else {
                    latencies.add(System.nanoTime() - due);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        double took = (System.nanoTime() - first) / 1e9;
        return new OpenLoopFigures(ratePerSecond, latencies.size() / took, LoadFigures.of(latencies, errors.get(), duration));
    }

    private static int post(HttpClient http, Target target) {
        try {
            return http.send(target.request(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
