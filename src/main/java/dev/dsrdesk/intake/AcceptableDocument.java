package dev.dsrdesk.intake;

import dev.dsrdesk.document.DocumentRefusal;
import dev.dsrdesk.document.RequesterDocuments;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A document the desk would store: the checks of {@link RequesterDocuments} (type by content, name matching it, size),
 * run with the other fields' so that every refusal is told at once, in the requester's language. Null is left to
 * {@link AgentIsComplete}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptableDocument.Validator.class)
public @interface AcceptableDocument {

    String message() default "{document.type}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, which hands it the desk's document checks. */
    class Validator implements ConstraintValidator<AcceptableDocument, PermissionDocument> {

        private final RequesterDocuments documents;

        Validator(RequesterDocuments documents) {
            this.documents = documents;
        }

        @Override
        public boolean isValid(PermissionDocument document, ConstraintValidatorContext context) {
            if (document == null) {
                return true;
            }
            Optional<DocumentRefusal> refusal;
            try {
                refusal = documents.check(document.fileName(), document.bytes());
            } catch (IllegalArgumentException notBase64) {
                return refuse(context, "{intake.base64}");
            }
            if (refusal.isEmpty()) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("max", documents.maxSizeInWords());
            return refuse(context, "{" + refusal.get().messageKey() + "}");
        }

        private static boolean refuse(ConstraintValidatorContext context, String template) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
            return false;
        }
    }
}
