package dev.dsrdesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** N clients posting valid requests to POST /api/requests over real HTTP for a fixed time, each as fast as it is answered. */
final class IntakeLoad {

    private IntakeLoad() {
    }

    static LoadFigures run(String baseUrl, int clients, Duration duration) throws Exception {
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
                        int status = post(http, baseUrl);
                        long took = System.nanoTime() - start;
                        if (status != 201) {
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

    private static int post(HttpClient http, String baseUrl) {
        String body = """
                {"type":"ACCESS","fullName":"Bench Subject","email":"bench+%s@example.org","country":"IT"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 12));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/requests"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
