package dev.dsrdesk.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 3166-2 subdivision must belong to the country given (US-CA goes with US). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RegionInCountry.Validator.class)
public @interface RegionInCountry {

    String message() default "{intake.regionInCountry}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RegionInCountry, RequestSubmission> {

        @Override
        public boolean isValid(RequestSubmission submission, ConstraintValidatorContext context) {
            String region = submission.getRegion();
            String country = submission.getCountry();
            if (region == null || country == null || region.startsWith(country + "-")) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("region")
                    .addConstraintViolation();
            return false;
        }
    }
}
