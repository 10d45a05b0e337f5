package dev.dsrdesk.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rectification names what is wrong and what is right (GDPR Art. 16): without it nobody knows what to correct. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RectificationExplained.Validator.class)
public @interface RectificationExplained {

    String message() default "{intake.rectificationExplained}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RectificationExplained, RequestSubmission> {

        @Override
        public boolean isValid(RequestSubmission submission, ConstraintValidatorContext context) {
            if (!"RECTIFICATION".equals(submission.getType()) || submission.getDetails() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("details")
                    .addConstraintViolation();
            return false;
        }
    }
}
