package dev.dsrdesk.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The address requesters reach the desk at; every link in an email starts with it. */
@Validated
@ConfigurationProperties(prefix = "dsr.links")
public record LinkSettings(@NotBlank @Pattern(regexp = "https?://[^\\s/]+(/[^\\s]*)?") String publicBaseUrl) {

    public String to(String pathAndQuery) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + pathAndQuery;
    }
}
