package dev.dsrdesk.deadline;

import dev.dsrdesk.process.DeskProcess;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** After an extension, the request's warning and breach timers move to the new statutory date. */
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
