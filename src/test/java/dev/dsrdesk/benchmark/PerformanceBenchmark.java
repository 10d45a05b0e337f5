package dev.dsrdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 8, run only with {@code mvn -Pbenchmark verify} (after packaging, against the jar):
 * prints the table and writes target/benchmark/results.{json,md}. Figures are reported, never asserted against
 * targets: a slow machine must not fail a build. Settings: -Ddsr.bench.clients=32 -Ddsr.bench.seconds=20
 * -Ddsr.bench.databases=h2,postgresql.
 */
class PerformanceBenchmark {

    @Test
    void measure() throws Exception {
        DeskBenchmark.Report report = new DeskBenchmark(DeskBenchmark.Settings.fromSystemProperties(32, 20, "h2,postgresql")).run();
        System.out.println(report.markdown());
        assertThat(report.rows()).isNotEmpty();
    }
}
