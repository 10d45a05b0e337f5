package dev.dsrdesk.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The sender requesters see on every message. */
@Validated
@ConfigurationProperties(prefix = "dsr.mail")
public record MailSettings(@NotBlank @Email String from, @NotBlank String deskName) {
}
