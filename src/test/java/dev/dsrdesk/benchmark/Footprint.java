package dev.dsrdesk.benchmark;

import dev.dsrdesk.support.DeskProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What the desk's JVM holds: heap in use (its own Prometheus metrics) and resident memory (the OS's view). */
record Footprint(long heapUsedBytes, long residentBytes) {

    static Footprint of(DeskProcess desk) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(desk.baseUrl() + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        long heap = metrics.body().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        return new Footprint(heap, desk.residentBytes());
    }

    double heapMegabytes() {
        return heapUsedBytes / 1024.0 / 1024.0;
    }

    double residentMegabytes() {
        return residentBytes / 1024.0 / 1024.0;
    }
}
