package dev.dsrdesk.process.flow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.container.impl.metadata.PropertyHelper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * One in-memory process engine for every engine-only diagram test of the JVM, without Spring: H2 in memory, the job
 * executor off (tests run jobs and timers by hand), the history level, authorization switch and generic properties
 * of {@code src/main/resources/application.yml} (history time to live enforced, group ids with hyphens, TASK_WORK on
 * tasks, ...), and one deployment of every BPMN, DMN and form of {@code processes/}, as the application deploys them
 * ({@code formRefBinding="deployment"} finds the forms there).
 *
 * <p>The desk's beans are whatever {@link #use(DeskBeans)} last put in the engine's bean map; the expressions of the
 * diagrams ({@code ${automatedSteps.search(execution)}}, {@code delegateExpression="${triageTaskListener}"}) resolve
 * to them.
 */
final class DiagramEngine {

    /** The diagrams, decisions and forms, read where they live (surefire runs in the project directory). */
    static final Path PROCESSES = Path.of(System.getProperty("basedir", "."), "processes");

    private static final Path APPLICATION_YML = Path.of(System.getProperty("basedir", "."),
            "src", "main", "resources", "application.yml");

    private static final Map<Object, Object> BEANS = new ConcurrentHashMap<>();
    private static final Trail TRAIL = new Trail();
    private static ProcessEngine engine;

    private DiagramEngine() {
    }

    static synchronized ProcessEngine get() {
        if (engine == null) {
            engine = build();
            // the timer start events (staff digest, retention purge) count from the tests' clock
            ClockUtil.setCurrentTime(Date.from(DeskBeans.NOW));
            try {
                deployProcesses(engine);
            } finally {
                ClockUtil.reset();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "diagram-engine-close"));
        }
        return engine;
    }

    static Trail trail() {
        return TRAIL;
    }

    /** From now on, the diagrams' expressions call these beans. */
    static void use(DeskBeans beans) {
        BEANS.clear();
        BEANS.putAll(beans.byName());
    }

    private static ProcessEngine build() {
        quietExpectedFailures();
        Map<String, Object> camunda = camundaSection();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("diagram-tests");
        configuration.setJdbcUrl("jdbc:h2:mem:diagram-tests;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(String.valueOf(camunda.get("history-level")));
        configuration.setAuthorizationEnabled(Boolean.TRUE.equals(section(camunda, "authorization").get("enabled")));
        Map<String, String> generic = new LinkedHashMap<>();
        section(section(camunda, "generic-properties"), "properties")
                .forEach((name, value) -> generic.put(name, String.valueOf(value)));
        PropertyHelper.applyProperties(configuration, generic, PropertyHelper.KEBAB_CASE);
        configuration.setCmmnEnabled(false);
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setBeans(BEANS);
        // a list of our own: the engine adds its failed-job parse listener to it
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(TRAIL)));
        return configuration.buildProcessEngine();
    }

    private static void deployProcesses(ProcessEngine engine) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("processes");
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
                    deployment.addInputStream(name, new ByteArrayInputStream(Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deployment.deploy();
    }

    /**
     * Tests that make a step fail on purpose would otherwise log each failure with its stack trace; the Spring tests
     * silence the same two loggers (src/test/resources/application-test.yml).
     */
    private static void quietExpectedFailures() {
        for (String name : List.of("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.cmd")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.OFF);
            }
        }
    }

    /** {@code camunda.bpm} of application.yml's first document (the later ones are profiles). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> camundaSection() {
        try (InputStream yml = Files.newInputStream(APPLICATION_YML)) {
            Map<String, Object> first = (Map<String, Object>) new Yaml().loadAll(yml).iterator().next();
            return section(section(first, "camunda"), "bpm");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String name) {
        Object child = parent.get(name);
        return child instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
