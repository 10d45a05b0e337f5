package dev.dsrdesk.deadline;

import dev.dsrdesk.process.DeskProcess;
import dev.dsrdesk.request.StatutoryClockPaused;
import dev.dsrdesk.request.StatutoryClockRestarted;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The request's warning and breach timers are set from the statutory date when the process starts; when that date
 * moves (an extension, or the clock starting again at verification or at the requester's answer) they move with it;
 * while the clock stands still they are suspended, so that no warning or breach is counted for time that does not run.
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
        reschedule(restarted.reference(), true);
    }

    @EventListener
    void clockPaused(StatutoryClockPaused paused) {
        processOf(paused.reference()).ifPresent(process -> {
            timers(process.getId(), WARNING).forEach(timer -> management.suspendJobById(timer.getId()));
            timers(process.getId(), BREACH).forEach(timer -> management.suspendJobById(timer.getId()));
        });
    }

    /** The date moved (an extension); a clock that stands still stays still. */
    void reschedule(String reference) {
        reschedule(reference, false);
    }

    private void reschedule(String reference, boolean clockRunsAgain) {
        processOf(reference).ifPresent(process -> {
            move(process.getId(), WARNING, deadlines.statutoryWarning(reference), clockRunsAgain);
            move(process.getId(), BREACH, deadlines.statutory(reference), clockRunsAgain);
        });
    }

    private Optional<ProcessInstance> processOf(String reference) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(DeskProcess.DATA_SUBJECT_REQUEST).singleResult());
    }

    private void move(String processInstanceId, String activityId, Date dueDate, boolean clockRunsAgain) {
        for (Job timer : timers(processInstanceId, activityId)) {
            management.setJobDuedate(timer.getId(), dueDate);
            if (clockRunsAgain && timer.isSuspended()) {
                management.activateJobById(timer.getId());
            }
        }
    }

    private List<Job> timers(String processInstanceId, String activityId) {
        return management.createJobQuery().timers().processInstanceId(processInstanceId).activityId(activityId).list();
    }
}
