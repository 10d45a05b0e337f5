package dev.dsrdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged desk (target/dsr-desk-*.jar, as `mvn package` builds it) running in a JVM of its own, so that a
 * test can kill it the hard way (SIGKILL, as kill -9) and start it again on the same database, or run two.
 */
public final class DeskProcess {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private Duration startup;

    private DeskProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the desk in {@code workDir} with the given settings and waits until it is ready for traffic. */
    public static DeskProcess start(String name, Path workDir, Map<String, String> settings) {
        return start(name, workDir, DeskOverHttp.freePort(), settings);
    }

    /** As {@link #start(String, Path, Map)}, on a port the caller chose (e.g. to name it in the desk's mailed links). */
    public static DeskProcess start(String name, Path workDir, int port, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m"));
        // e.g. -Ddsr.desk.jvm-options=-XX:StartFlightRecording=filename=desk.jfr to profile a benchmark run
        String jvmOptions = System.getProperty("dsr.desk.jvm-options", "").strip();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = workDir.resolve(name + ".log");
        try {
            Instant launched = Instant.now();
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            DeskProcess desk = new DeskProcess(process, port, log);
            desk.awaitReady();
            desk.startup = Duration.between(launched, Instant.now());
            return desk;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What every desk these tests start shares: entity steps as Tasklist tasks (no demo stores), mail to the test's
     * server, no rate limits (all clients come from one address), the test server's own logging quiet.
     */
    public static Map<String, String> testSettings(com.icegreen.greenmail.util.GreenMail smtp) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("spring.profiles.default", "default");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        settings.put("dsr.rate-limits.intake-per-address", "100000000");
        settings.put("dsr.rate-limits.intake-per-email", "100000000");
        settings.put("dsr.rate-limits.links-per-address", "100000000");
        settings.put("logging.level.com.icegreen.greenmail", "warn");
        return settings;
    }

    /** From launching the JVM to ready for traffic. */
    public Duration startup() {
        return startup;
    }

    /** The resident set size of the desk's JVM, from /proc (Linux). */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** SIGKILL: no shutdown hook, no transaction finished, no lock released. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the desk stopped while starting:\n" + logTail());
            }
            try {
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200 && readiness.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        kill();
        throw new IllegalStateException("the desk was not ready within " + READY_WITHIN + ":\n" + logTail());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("dsr-desk-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/dsr-desk-*.jar: these tests run after `mvn package`"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
