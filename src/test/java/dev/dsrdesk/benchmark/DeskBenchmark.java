package dev.dsrdesk.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskProcess;
import dev.dsrdesk.support.FreshPostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark harness: the packaged desk started on each database, its footprint read after start-up, intake
 * driven by concurrent clients over real HTTP, requests driven end to end and the bare engine floor driven the same
 * way, its footprint read again; a table printed and written as JSON and Markdown. Intake is measured beside its floor,
 * the bare engine starting a process of the same start shape through /engine-rest, closed loop (saturation) and open
 * loop (fixed arrival rates), in the same run: only ratios from one run hold on a shared machine.
 */
final class DeskBenchmark {

    private final Settings settings;

    DeskBenchmark(Settings settings) {
        this.settings = settings;
    }

    Report run() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String database : settings.databases()) {
            Path workDir = Files.createDirectories(settings.output().resolve("work-" + database + "-" + System.nanoTime()));
            GreenMail smtp = DeskOverHttp.startSmtp();
            Map<String, String> node = nodeSettings(database, smtp);
            DeskProcess desk = DeskProcess.start("desk-" + database, workDir, node);
            try {
                Footprint started = Footprint.of(desk);
                new EndToEnd.Rest(desk.baseUrl()).deploy("intake-floor.bpmn");
                IntakeLoad.Target deskIntake = IntakeLoad.Target.desk(desk.baseUrl());
                IntakeLoad.Target floorIntake = IntakeLoad.Target.floor(desk.baseUrl());
                LoadFigures intake = IntakeLoad.closedLoop(deskIntake, settings.clients(), settings.duration());
                double drainSeconds = EndToEnd.drain(desk.baseUrl());
                LoadFigures intakeFloor = IntakeLoad.closedLoop(floorIntake, settings.clients(), settings.duration());
                EndToEnd.drain(desk.baseUrl());
                List<OpenLoopRow> openLoop = new ArrayList<>();
                for (int rate : settings.openLoopRates()) {
                    IntakeLoad.OpenLoopFigures atRate = IntakeLoad.openLoop(deskIntake, rate, settings.openLoopDuration());
                    EndToEnd.drain(desk.baseUrl());
                    IntakeLoad.OpenLoopFigures floorAtRate = IntakeLoad.openLoop(floorIntake, rate, settings.openLoopDuration());
                    EndToEnd.drain(desk.baseUrl());
                    openLoop.add(new OpenLoopRow(rate, atRate, floorAtRate));
                }
                // -Ddsr.bench.requests=0 measures intake (and queues) only
                String jdbcUrl = node.get("spring.datasource.url");
                boolean countsRows = database.equals("postgresql") && settings.requests() > 0;
                RowsWritten beforeDesk = countsRows ? RowsWritten.settled(jdbcUrl) : null;
                double closedPerSecond = settings.requests() == 0 ? Double.NaN
                        : EndToEnd.desk(desk.baseUrl(), smtp, settings.requests(), settings.drivers());
                RowsWritten afterDesk = countsRows ? RowsWritten.settled(jdbcUrl) : null;
                double floorPerSecond = settings.requests() == 0 ? Double.NaN
                        : EndToEnd.floor(desk.baseUrl(), settings.requests(), settings.drivers());
                Map<String, Double> deskRows = countsRows ? afterDesk.perRequestSince(beforeDesk, settings.requests()) : Map.of();
                Map<String, Double> floorRows = countsRows
                        ? RowsWritten.settled(jdbcUrl).perRequestSince(afterDesk, settings.requests()) : Map.of();
                QueuesAtScale.Figures queues = settings.queueDatabases().contains(database)
                        ? QueuesAtScale.run(desk.baseUrl(), jdbcUrl, settings.openTasks()) : null;
                Footprint loaded = Footprint.of(desk);
                rows.add(new Row(database, desk.startup().toMillis() / 1000.0, started.heapMegabytes(), started.residentMegabytes(),
                        intake, intakeFloor, intake.perSecond() / intakeFloor.perSecond(), openLoop, drainSeconds, closedPerSecond, floorPerSecond, floorPerSecond / closedPerSecond,
                        deskRows, floorRows, queues,
                        loaded.heapMegabytes(), loaded.residentMegabytes()));
            } finally {
                desk.kill();
                smtp.stop();
            }
        }
        Report report = new Report(Instant.now().toString(), machine(), settings.clients(), settings.duration().toSeconds(),
                settings.requests(), settings.drivers(), rows);
        report.write(settings.output());
        return report;
    }

    private static Map<String, String> nodeSettings(String database, GreenMail smtp) {
        // the job executor keeps Camunda's defaults: the figures are production's
        Map<String, String> node = new LinkedHashMap<>(DeskProcess.testSettings(smtp));
        node.put("logging.level.root", "warn");
        if (database.equals("postgresql")) {
            node.put("spring.datasource.url", FreshPostgresDatabase.create());
            node.put("spring.datasource.username", FreshPostgresDatabase.user());
            node.put("spring.datasource.password", FreshPostgresDatabase.password());
        }
        return node;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }

    /** What to run: from system properties dsr.bench.* (clients, seconds, databases), with the defaults. */
    record Settings(int clients, Duration duration, int requests, int drivers, List<String> databases, int openTasks,
                    List<String> queueDatabases, List<Integer> openLoopRates, Duration openLoopDuration, Path output) {

        static Settings fromSystemProperties(int defaultClients, int defaultSeconds, String defaultDatabases) {
            return new Settings(Integer.getInteger("dsr.bench.clients", defaultClients),
                    Duration.ofSeconds(Integer.getInteger("dsr.bench.seconds", defaultSeconds)),
                    Integer.getInteger("dsr.bench.requests", 2000), Integer.getInteger("dsr.bench.drivers", 16),
                    List.of(System.getProperty("dsr.bench.databases", defaultDatabases).split(",")),
                    Integer.getInteger("dsr.bench.open-tasks", 100_000),
                    List.of(System.getProperty("dsr.bench.queue-databases", "postgresql").split(",")),
                    Arrays.stream(System.getProperty("dsr.bench.open-loop-rates", "50,100,200").split(","))
                            .map(String::strip).filter(rate -> !rate.isEmpty()).map(Integer::valueOf).toList(),
                    Duration.ofSeconds(Integer.getInteger("dsr.bench.open-loop-seconds", 20)),
                    Path.of(System.getProperty("dsr.bench.output", "target/benchmark")));
        }
    }

    record Row(String database, double startupSeconds, double heapAfterStartMb, double rssAfterStartMb, LoadFigures intake,
               LoadFigures intakeFloor, double intakeOverFloor, List<OpenLoopRow> openLoop, double backlogDrainSeconds, double closedPerSecond, double floorClosedPerSecond, double costOverFloor,
               Map<String, Double> rowsPerRequest, Map<String, Double> floorRowsPerRequest, QueuesAtScale.Figures queues, double heapAfterLoadMb, double rssAfterLoadMb) {
    }

    /** The desk's intake and its floor at one fixed arrival rate. */
    record OpenLoopRow(int ratePerSecond, IntakeLoad.OpenLoopFigures desk, IntakeLoad.OpenLoopFigures floor) {
    }

    record Report(String ranAt, String machine, int clients, long seconds, int requests, int drivers, List<Row> rows) {

        String markdown() {
            StringBuilder table = new StringBuilder();
            table.append("Ran ").append(ranAt).append(" on ").append(machine).append("; intake: ").append(clients)
                    .append(" clients for ").append(seconds).append(" s each; end to end: ").append(requests)
                    .append(" requests by ").append(drivers).append(" drivers, then the engine floor the same way.\n\n");
            table.append("| database | healthy in (s) | heap after start (MB) | RSS after start (MB) | intake (req/s) | intake floor (req/s) | intake × floor | p50 (ms) | p95 (ms) | p99 (ms) | floor p99 (ms) | errors | intake's jobs done after (s) | closed/s | floor closed/s | cost × floor | rows written per request | floor's rows | heap after load (MB) | RSS after load (MB) |\n");
            table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Row row : rows) {
                table.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.0f | %.0f | %.0f | %.2f | %.1f | %.1f | %.1f | %.1f | %d | %.0f | %.2f | %.2f | %.1f | %s | %s | %.0f | %.0f |%n",
                        row.database(), row.startupSeconds(), row.heapAfterStartMb(), row.rssAfterStartMb(),
                        row.intake().perSecond(), row.intakeFloor().perSecond(), row.intakeOverFloor(),
                        row.intake().p50Millis(), row.intake().p95Millis(), row.intake().p99Millis(), row.intakeFloor().p99Millis(),
                        row.intake().errors() + row.intakeFloor().errors(), row.backlogDrainSeconds(), row.closedPerSecond(),
                        row.floorClosedPerSecond(), row.costOverFloor(), rows(row.rowsPerRequest()), rows(row.floorRowsPerRequest()),
                        row.heapAfterLoadMb(), row.rssAfterLoadMb()));
            }
            table.append("\n| database | arrivals (req/s) | desk answered (req/s) | desk p50 / p95 / p99 (ms) | floor answered (req/s) | floor p50 / p95 / p99 (ms) | p99 × floor | errors |\n");
            table.append("|---|---|---|---|---|---|---|---|\n");
            for (Row row : rows) {
                for (OpenLoopRow rate : row.openLoop()) {
                    LoadFigures desk = rate.desk().figures();
                    LoadFigures floor = rate.floor().figures();
                    table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f / %.1f / %.1f | %.0f | %.1f / %.1f / %.1f | %.1f | %d |%n",
                            row.database(), rate.ratePerSecond(), rate.desk().achievedPerSecond(), desk.p50Millis(), desk.p95Millis(),
                            desk.p99Millis(), rate.floor().achievedPerSecond(), floor.p50Millis(), floor.p95Millis(), floor.p99Millis(),
                            desk.p99Millis() / floor.p99Millis(), desk.errors() + floor.errors()));
                }
            }
            table.append("\n| database | open tasks | Rome's filter: count p50 / p95 (ms) | first page by due date p50 / p95 (ms) | dashboard p50 / p95 (ms) |\n");
            table.append("|---|---|---|---|---|\n");
            for (Row row : rows) {
                if (row.queues() != null) {
                    QueuesAtScale.Figures queues = row.queues();
                    table.append(String.format(Locale.ROOT, "| %s | %d (Rome sees %d) | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |%n",
                            row.database(), queues.openTasks(), queues.romeSees(),
                            queues.filterCount().p50Millis(), queues.filterCount().p95Millis(),
                            queues.filterFirstPage().p50Millis(), queues.filterFirstPage().p95Millis(),
                            queues.dashboard().p50Millis(), queues.dashboard().p95Millis()));
                }
            }
            return table.toString();
        }

        /** PostgreSQL counts the rows; the H2 column stays empty. */
        private static String rows(Map<String, Double> perRequest) {
            return perRequest.isEmpty() ? "—" : String.format(Locale.ROOT, "%.0f", RowsWritten.total(perRequest));
        }

        void write(Path output) throws Exception {
            Files.createDirectories(output);
            Files.writeString(output.resolve("results.md"), markdown());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.resolve("results.json").toFile(), this);
        }
    }
}
