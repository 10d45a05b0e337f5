package dev.dsrdesk.process.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * An engine-only test of one diagram ({@link Diagram}): the {@link DiagramEngine shared engine}, fresh
 * {@link DeskBeans mocks} and the clock at {@link DeskBeans#NOW} for each test, and, once every other test of the
 * class has passed, a check that together they passed every flow node and sequence flow of the diagram.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DiagramTest {

    private static final Map<Class<?>, Set<String>> PASSED = new ConcurrentHashMap<>();
    private static final Set<Class<?>> FAILED = ConcurrentHashMap.newKeySet();
    private static final String COVERAGE_CHECK = "everyFlowNodeAndSequenceFlowOfTheDiagramIsPassed";
    private static int nextReference = 1;

    @RegisterExtension
    static final TestWatcher PASSED_TESTS = new TestWatcher() {
        @Override
        public void testSuccessful(ExtensionContext context) {
            PASSED.computeIfAbsent(context.getRequiredTestClass(), any -> ConcurrentHashMap.newKeySet())
                    .add(context.getRequiredTestMethod().getName());
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            FAILED.add(context.getRequiredTestClass());
        }
    };

    DeskBeans beans;

    @BeforeAll
    static void startTrail() {
        DiagramEngine.get();
        DiagramEngine.trail().forget();
    }

    @BeforeEach
    void freshBeansAndClock() {
        init(DiagramEngine.get());
        beans = new DeskBeans();
        DiagramEngine.use(beans);
        ClockUtil.setCurrentTime(Date.from(DeskBeans.NOW));
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyFlowNodeAndSequenceFlowOfTheDiagramIsPassed() {
        assumeTrue(!FAILED.contains(getClass()) && PASSED.getOrDefault(getClass(), Set.of()).containsAll(tests()),
                "the check needs every other test of " + getClass().getSimpleName() + " to have run and passed");
        String file = getClass().getAnnotation(Diagram.class).value();
        BpmnModelInstance model = Bpmn.readModelFromFile(DiagramEngine.PROCESSES.resolve(file).toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
            Set<String> visited = DiagramEngine.trail().visited(process.getId());
            Set<String> missed = new TreeSet<>();
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if ((element instanceof FlowNode || element instanceof SequenceFlow)
                        && processOf(element).getId().equals(process.getId()) && !passed(element, visited)) {
                    missed.add(element.getId());
                }
            }
            assertThat(missed).as("elements of %s (%s) that no test of %s passes", process.getId(), file,
                    getClass().getSimpleName()).isEmpty();
        }
    }

    private static boolean passed(FlowElement element, Set<String> visited) {
        // the engine enters the event that fired after an event-based gateway directly, taking no sequence flow
        return visited.contains(element.getId()) || element instanceof SequenceFlow flow
                && flow.getSource() instanceof EventBasedGateway && visited.contains(flow.getTarget().getId());
    }

    private Set<String> tests() {
        return AnnotationSupport.findAnnotatedMethods(getClass(), Testable.class, HierarchyTraversalMode.TOP_DOWN)
                .stream().map(Method::getName).filter(name -> !name.equals(COVERAGE_CHECK)).collect(Collectors.toSet());
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    // ---- helpers shared by the diagram tests

    /** A reference as the desk writes them, different in every test. */
    static synchronized String newReference() {
        return "DSR-2026-%06d".formatted(nextReference++);
    }

    static ProcessInstance start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByKey(processKey, businessKey, variables);
    }

    /** The instance's jobs (async continuations and timers) at one element. */
    static List<Job> jobsAt(ProcessInstance instance, String activityId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
    }

    /** The instance's one job at an element; fails when there is none or several. */
    static Job jobAt(ProcessInstance instance, String activityId) {
        List<Job> jobs = jobsAt(instance, activityId);
        assertThat(jobs).as("jobs of %s at %s", instance.getBusinessKey(), activityId).hasSize(1);
        return jobs.get(0);
    }

    /** Runs the instance's one job at an element, as the job executor would (asynchronous step, due timer). */
    static void run(ProcessInstance instance, String activityId) {
        managementService().executeJob(jobAt(instance, activityId).getId());
    }

    /**
     * Runs the failing job at the element, each time when it is due, until its retries are spent (an incident),
     * checking the wait before each retry; returns how many times it ran.
     */
    static int failUntilIncident(ProcessInstance instance, String activityId, Duration apart) {
        return failUntilIncident(jobAt(instance, activityId), apart);
    }

    static int failUntilIncident(Job failing, Duration apart) {
        int tries = 0;
        Job job = failing;
        while (job.getRetries() > 0) {
            Date triedAt = job.getDuedate() == null ? Date.from(DeskBeans.NOW) : job.getDuedate();
            ClockUtil.setCurrentTime(triedAt);
            String id = job.getId();
            assertThatThrownBy(() -> managementService().executeJob(id)).isNotNull();
            tries++;
            job = managementService().createJobQuery().jobId(id).singleResult();
            if (job.getRetries() > 0) {
                assertThat(job.getDuedate()).as("the wait after try %d", tries)
                        .isEqualTo(Date.from(triedAt.toInstant().plus(apart)));
            }
        }
        return tries;
    }

    static Task taskAt(ProcessInstance instance, String taskDefinitionKey) {
        Task task = taskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as("task %s of %s", taskDefinitionKey, instance.getBusinessKey()).isNotNull();
        return task;
    }

    static void complete(ProcessInstance instance, String taskDefinitionKey, Map<String, Object> variables) {
        taskService().complete(taskAt(instance, taskDefinitionKey).getId(), variables);
    }

    /** The id inside the Camunda Form a user task shows, as the engine finds it in the task's deployment. */
    static String formOf(Task task) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            return new ObjectMapper().readTree(form).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }
}
