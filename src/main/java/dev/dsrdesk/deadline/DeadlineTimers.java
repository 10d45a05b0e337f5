package dev.dsrdesk.deadline;

import dev.dsrdesk.process.DeskProcess;
import dev.dsrdesk.request.StatutoryClockRestarted;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The request's warning and breach timers are set from the statutory date when the process starts; when that date
 * moves (an extension, or the clock starting again at verification) they move with it.
 */
@Component
class DeadlineTimers {

    static final String WARNING = "StartEvent_StatutoryDateNear";
    static final String BREACH = "StartEvent_StatutoryDatePassed";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final StepDeadlines deadlines;

    DeadlineTimers(RuntimeService runtime, ManagementService management, StepDeadlines deadlines) {
        this.runtime = runtime;
        this.management = management;
        this.deadlines = deadlines;
    }

    /** In the verifying transaction: the timers never stand at the provisional, receipt-based date once it is gone. */
    @EventListener
    void clockRestarted(StatutoryClockRestarted restarted) {
        reschedule(restarted.reference());
    }

    void reschedule(String reference) {
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(DeskProcess.DATA_SUBJECT_REQUEST).singleResult();
        if (process == null) {
            return;
        }
        move(process.getId(), WARNING, deadlines.statutoryWarning(reference));
        move(process.getId(), BREACH, deadlines.statutory(reference));
    }

    private void move(String processInstanceId, String activityId, Date dueDate) {
        List<Job> timers = management.createJobQuery().timers().processInstanceId(processInstanceId).activityId(activityId).list();
        timers.forEach(timer -> management.setJobDuedate(timer.getId(), dueDate));
    }
}
