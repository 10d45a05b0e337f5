package dev.dsrdesk.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Lets every cached test context run an engine named "default", as the desk does in production, by making the engine
 * of the test about to run the one Camunda finds under that name (registered for every Spring test in
 * {@code META-INF/spring.factories}).
 *
 * <p>Camunda keeps engines in a static map by name ({@link ProcessEngines}): an engine registers itself when built
 * (a second "default" replaces the first) and removes its name when closed (whichever engine holds it then).
 * {@code /engine-rest} and the webapps look the engine up in that map on every request, through the
 * {@code ProcessEngineProvider}s of the REST starter and of the webapps. The webapps also keep static runtime delegates
 * (Cockpit, Admin, Tasklist, Welcome) that every web server start replaces, every stop sets to null, and Cockpit and
 * Admin cache a command executor per engine name in theirs. Before each test class and method the engine of its
 * context takes the name again, and a context serving the webapps gets fresh delegates when the engine changed or
 * another context's shutdown left none. The tests of one JVM run one at a time, so one "default" at a time is enough.
 */
public class DefaultEngineOfTheRunningTest extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        // after dependency injection (2000), before the test's own callbacks
        return 2500;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        makeDefault(testContext.getApplicationContext());
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        makeDefault(testContext.getApplicationContext());
    }

    private static void makeDefault(ApplicationContext context) {
        ProcessEngine engine = context.getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (engine == null) {
            return;
        }
        boolean changed = ProcessEngines.getProcessEngines().get(engine.getName()) != engine;
        if (changed) {
            ProcessEngines.registerProcessEngine(engine);
        }
        if (context instanceof WebServerApplicationContext && (changed || Cockpit.getRuntimeDelegate() == null)) {
            // as the webapps' ServletContextListeners (CockpitContainerBootstrap and its siblings) set them up
            Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
            Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
            Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
            Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
        }
    }
}
