package dev.dsrdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark harness in miniature (two clients for two seconds, five arrivals a second for two seconds, two requests end to end, twenty open tasks), so that it cannot rot between benchmark runs. */
class BenchmarkSmokeIT {

    @TempDir Path output;

    @Test
    void theHarnessMeasuresAndWritesItsTable() throws Exception {
        DeskBenchmark.Report report = new DeskBenchmark(new DeskBenchmark.Settings(2, Duration.ofSeconds(2), 2, 2, List.of("postgresql"), 20,
                List.of("postgresql"), List.of(5), Duration.ofSeconds(2), output)).run();

        DeskBenchmark.Row row = report.rows().get(0);
        assertThat(row.startupSeconds()).isPositive();
        assertThat(row.heapAfterStartMb()).isPositive();
        assertThat(row.rssAfterStartMb()).isPositive();
        assertThat(row.intake().requests()).isPositive();
        assertThat(row.intake().errors()).isZero();
        assertThat(row.intake().p99Millis()).isGreaterThanOrEqualTo(row.intake().p50Millis());
        assertThat(row.intakeFloor().requests()).as("the bare engine's intake, beside the desk's").isPositive();
        assertThat(row.intakeFloor().errors()).isZero();
        assertThat(row.intakeOverFloor()).isPositive();
        assertThat(row.openLoop()).singleElement().satisfies(rate -> {
            assertThat(rate.desk().figures().requests()).as("every arrival answered").isEqualTo(10);
            assertThat(rate.desk().figures().errors()).isZero();
            assertThat(rate.floor().figures().requests()).isEqualTo(10);
        });
        assertThat(row.closedPerSecond()).isPositive();
        assertThat(row.floorClosedPerSecond()).isPositive();
        assertThat(row.rowsPerRequest()).as("what each request wrote, table by table").containsKeys("data_subject_request", "act_ru_task");
        assertThat(row.floorRowsPerRequest()).containsKey("act_ru_task").doesNotContainKey("data_subject_request");
        assertThat(row.queues().romeSees()).as("a fifth of the open tasks are Rome's").isEqualTo(4);
        assertThat(row.queues().filterFirstPage().p95Millis()).isPositive();
        assertThat(Files.readString(output.resolve("results.md"))).contains("| postgresql |");
        assertThat(Files.readString(output.resolve("results.json"))).contains("\"perSecond\"");
    }
}
