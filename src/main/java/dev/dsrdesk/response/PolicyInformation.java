package dev.dsrdesk.response;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Art. 15(1) information an access report gives, as the privacy policy states it (purposes §3,
 * categories §2 with their legal bases §4, retention §5). Recipients come from the entity registry.
 */
@Validated
@ConfigurationProperties(prefix = "dsr.policy")
public record PolicyInformation(
        @NotBlank String controller,
        @NotEmpty List<String> purposes,
        @NotEmpty List<@Valid Category> categories,
        @NotBlank String retention,
        @NotBlank String sources,
        @NotBlank String automatedDecisions) {

    public record Category(@NotBlank String name, @NotBlank String legalBasis) {
    }
}
