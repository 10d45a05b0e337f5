package dev.dsrdesk.question;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How long the desk waits for the requester's answer: a reminder after {@code remindAfter}, closure after {@code answerWithin}. */
@Validated
@ConfigurationProperties(prefix = "dsr.questions")
public record QuestionSettings(@NotNull Period remindAfter, @NotNull Period answerWithin) {
}
