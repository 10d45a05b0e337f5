package dev.dsrdesk.security;

import dev.dsrdesk.process.TaskForms;
import dev.dsrdesk.process.TaskForms.FormFields;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What a signed-in person may ask of the engine beyond its authorizations. Camunda lets anyone who may work a task
 * send any variables with its completion, end it with a BPMN error or escalation, and rewrite task and execution
 * variables; it lets any user run, reschedule, suspend or retry any job that belongs to no process (history cleanup)
 * and rewrite their own profile (the email their digests go to). The desk's process state is its own: people answer through their task's
 * form, and only administrators touch the rest.
 *
 * <p>Checked once per call from outside (the engine nests commands, and the desk's own listeners may call the
 * engine inside a person's completion), inside the command's transaction and before it runs, so a refusal changes
 * nothing. /engine-rest and the webapps answer 400 for a completion outside the form, 403 for the rest.
 */
@Component
class EngineCommandGuard extends AbstractProcessEnginePlugin {

    private final TaskForms forms = TaskForms.deployed();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Policy policy = new Policy(forms, configuration);
        configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired(), policy));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Policy(forms, configuration)));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(added);
        return interceptors;
    }

    static final class Policy extends CommandInterceptor {

        private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

        private final TaskForms forms;
        private final ProcessEngineConfigurationImpl configuration;

        Policy(TaskForms forms, ProcessEngineConfigurationImpl configuration) {
            this.forms = forms;
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            int depth = DEPTH.get();
            if (depth == 0) {
                check(command, Context.getCommandContext());
            }
            DEPTH.set(depth + 1);
            try {
                return next.execute(command);
            } finally {
                if (depth == 0) {
                    DEPTH.remove();
                } else {
                    DEPTH.set(depth);
                }
            }
        }

        private void check(Command<?> command, CommandContext context) {
            if (command instanceof CompleteTaskCmd complete) {
                answerWithinForm(context, read(complete, "taskId"), read(complete, "variables"));
                return;
            }
            if (command instanceof SubmitTaskFormCmd submit) {
                answerWithinForm(context, read(submit, "taskId"), read(submit, "properties"));
                return;
            }
            Authentication caller = context.getAuthentication();
            if (caller == null || caller.getUserId() == null || isAdministrator(caller)) {
                return;
            }
            if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
                throw refused(caller, "may not end a task with a BPMN error or escalation: answer it through its form");
            }
            if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
                    || command instanceof AbstractPatchVariablesCmd) {
                throw refused(caller, "may not change the variables of a task or an execution: answer a task through its form");
            }
            if (command instanceof ExecuteJobsCmd execute) {
                JobEntity job = context.getJobManager().findJobById(read(execute, "jobId"));
                if (job != null && job.getExceptionMessage() == null) {
                    // else the engine books the refusal as the job's failure, and the job would count as failed
                    forget(execute, "jobFailureCollector");
                    throw refused(caller, "may run a job on demand only to retry one that failed");
                }
                return;
            }
            if (command instanceof SetJobRetriesCmd retries) {
                List<String> jobIds = read(retries, "jobIds");
                String jobId = read(retries, "jobId");
                // by definition, the engine itself touches only that definition's failed jobs
                List<String> named = jobId != null ? List.of(jobId) : jobIds == null ? List.of() : jobIds;
                for (String id : named) {
                    JobEntity job = context.getJobManager().findJobById(id);
                    if (job != null && job.getExceptionMessage() == null) {
                        throw refused(caller, "may set the retries only of a job that failed");
                    }
                }
                return;
            }
            if (command instanceof SetJobDuedateCmd || command instanceof RecalculateJobDuedateCmd
                    || command instanceof SetJobPriorityCmd || command instanceof SetJobDefinitionPriorityCmd
                    || command instanceof AbstractSetJobStateCmd || command instanceof AbstractSetJobDefinitionStateCmd
                    || command instanceof DeleteJobCmd) {
                throw refused(caller, "may not reschedule, suspend, reprioritise or delete jobs: an administrator does");
            }
            if (command instanceof SaveUserCmd save) {
                User user = read(save, "user");
                UserEntity stored = context.getDbEntityManager().selectById(UserEntity.class, user.getId());
                if (stored != null && !(Objects.equals(stored.getEmail(), user.getEmail())
                        && Objects.equals(stored.getFirstName(), user.getFirstName())
                        && Objects.equals(stored.getLastName(), user.getLastName()))) {
                    throw refused(caller, "may not change a user's name or email: an administrator does");
                }
            }
        }

        /** Every variable sent must be a field the form lets a person fill in, or a shown field sent back unchanged. */
        private void answerWithinForm(CommandContext context, String taskId, Map<String, Object> variables) {
            if (variables == null || variables.isEmpty()) {
                return;
            }
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return; // the command itself reports the missing task
            }
            FormFields fields = forms.byId(formIdOf(task)).orElse(FormFields.NONE);
            for (Map.Entry<String, Object> variable : variables.entrySet()) {
                String name = variable.getKey();
                if (fields.editable().contains(name)) {
                    continue;
                }
                if (fields.shown().contains(name) && sameAsShown(valueOf(variable.getValue()), task.getVariable(name))) {
                    continue;
                }
                throw new FormFieldValidationException(name, "'" + name + "' is not a field of this task's form"
                        + (fields.shown().contains(name) ? " that can be changed" : "") + "; nothing was changed");
            }
        }

        private static String formIdOf(TaskEntity task) {
            if (task.getTaskDefinition() == null) {
                return null;
            }
            Expression formRef = task.getTaskDefinition().getCamundaFormDefinitionKey();
            return formRef == null ? null : formRef.getExpressionText();
        }

        /** A form sends its shown fields back as they were; an empty field stands for a variable that was never set. */
        private static boolean sameAsShown(Object sent, Object shown) {
            return Objects.equals(sent, shown) || (shown == null && (sent == null || "".equals(sent)));
        }

        private static Object valueOf(Object sent) {
            return sent instanceof TypedValue typed ? typed.getValue() : sent;
        }

        private boolean isAdministrator(Authentication caller) {
            List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
            List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
            return adminUsers.contains(caller.getUserId())
                    || (caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(adminGroups::contains));
        }

        private static AuthorizationException refused(Authentication caller, String what) {
            return new AuthorizationException("User '" + caller.getUserId() + "' " + what + ".");
        }

        /** A refused job run is no failure of the job: the collector that would record one forgets which job it was. */
        private static void forget(ExecuteJobsCmd command, String collectorField) {
            Object collector = read(command, collectorField);
            try {
                Field jobId = collector.getClass().getDeclaredField("jobId");
                jobId.setAccessible(true);
                jobId.set(collector, null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the engine changed: EngineCommandGuard must be adapted before the desk may run", e);
            }
        }

        /** The commands keep what they were given in protected fields; reading them is the only way to see it first. */
        @SuppressWarnings("unchecked")
        private static <V> V read(Object command, String name) {
            for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    Field field = type.getDeclaredField(name);
                    field.setAccessible(true);
                    return (V) field.get(command);
                } catch (NoSuchFieldException e) {
                    // declared higher up
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
                }
            }
            throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                    + ": the engine changed; EngineCommandGuard must be adapted before the desk may run");
        }
    }
}
