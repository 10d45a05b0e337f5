package dev.dsrdesk.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request made on someone's behalf names the agent, gives the agent's own address (not the data subject's: the
 * desk writes to each about different things) and carries the signed permission.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AgentIsComplete.Validator.class)
public @interface AgentIsComplete {

    String message() default "{intake.required}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AgentIsComplete, RequestSubmission> {

        @Override
        public boolean isValid(RequestSubmission submission, ConstraintValidatorContext context) {
            AgentSubmission agent = submission.getAgent();
            if (agent == null || agent.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean complete = true;
            if (agent.getName() == null) {
                complete = refuse(context, "name", "{intake.required}");
            }
            if (agent.getEmail() == null) {
                complete = refuse(context, "email", "{intake.required}");
            } else if (agent.getEmail().equalsIgnoreCase(submission.getEmail())) {
                complete = refuse(context, "email", "{intake.agentEmail}");
            }
            if (agent.getPermission() == null) {
                complete = refuse(context, "permission", "{intake.required}");
            }
            return complete;
        }

        private static boolean refuse(ConstraintValidatorContext context, String field, String template) {
            context.buildConstraintViolationWithTemplate(template).addPropertyNode("agent").addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
