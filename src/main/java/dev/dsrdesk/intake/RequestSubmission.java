package dev.dsrdesk.intake;

import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.request.RequesterDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a requester sends, from the public form or as JSON. Every text is trimmed and blank optional
 * fields become absent, so "" and a missing field mean the same. No field may carry control
 * characters: several end up in mail headers. A requester reads the messages in their own language (bundle keys
 * {@code intake.*}); the staff-only fields keep English ones.
 */
@RegionInCountry
@RectificationExplained
@AgentIsComplete
@Schema(description = "What a requester asks for, and who they are: the data subject, the person the data is about, "
        + "also when an `agent` makes the request for them. Texts are trimmed; an empty optional field counts as absent. "
        + "Refused fields are named (`agent.email`, `agent.permission`) with a message in the requester's language.",
        example = "{\"type\": \"ACCESS\", \"fullName\": \"Maria Rossi\", \"email\": \"maria.rossi@example.com\", "
                + "\"country\": \"IT\", \"language\": \"it\"}")
public class RequestSubmission {

    /** No control characters: Java's \p{Cntrl} spelled out, so the API document's pattern means the same in JavaScript. */
    static final String SINGLE_LINE = "[^\\x00-\\x1F\\x7F]*";

    @Schema(description = "The right exercised", implementation = RequestType.class, example = "ACCESS")
    @NotBlank(message = "{intake.required}")
    @Pattern(regexp = "ACCESS|RECTIFICATION|ERASURE|RESTRICTION|PORTABILITY|OBJECTION|WITHDRAW_CONSENT",
            message = "{intake.type}")
    private String type;

    @NotBlank(message = "{intake.required}")
    @Size(max = 200, message = "{intake.tooLong}")
    @Pattern(regexp = SINGLE_LINE, message = "{intake.singleLine}")
    @Schema(description = "The requester's name, one line", example = "Maria Rossi")
    private String fullName;

    @NotBlank(message = "{intake.required}")
    @Size(max = 254, message = "{intake.tooLong}")
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{intake.email}")
    @Pattern(regexp = SINGLE_LINE, message = "{intake.singleLine}")
    @Schema(description = "Where the desk writes; a self-service request is verified by a link mailed here",
            example = "maria.rossi@example.com")
    private String email;

    @Pattern(regexp = "\\+?[0-9][0-9 ()./-]{4,28}[0-9]", message = "{intake.phone}")
    @Schema(description = "Optional. A hint for the entities' people: the desk never searches, exports or changes "
            + "data by a phone nobody verified", example = "+39 06 1234 5678")
    private String phone;

    @NotBlank(message = "{intake.required}")
    @IsoCountry
    @Schema(description = "Where the requester lives: an ISO 3166-1 alpha-2 code, upper case; it decides which laws' "
            + "deadlines apply besides the GDPR", minLength = 2, maxLength = 2, example = "IT")
    private String country;

    @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "{intake.region}")
    @Schema(description = "Optional: an ISO 3166-2 subdivision of `country` (e.g. US-CA with US), for rules of a "
            + "state such as the CCPA", example = "US-CA")
    private String region;

    @Size(max = 4000, message = "{intake.tooLong}")
    @Schema(description = "Optional, except for RECTIFICATION: what is wrong and what is right")
    private String details;

    @Pattern(regexp = "en|it|pt-BR", message = "{intake.language}")
    @Schema(description = "Optional: the language of the requester's mails and pages; else the best of Accept-Language",
            allowableValues = {"en", "it", "pt-BR"})
    private String language;

    /** Staff only: how a request entered by an operator reached the desk. */
    @Pattern(regexp = "EMAIL|POST|PHONE|IN_PERSON", message = "must be one of EMAIL, POST, PHONE, IN_PERSON")
    @Schema(description = "Staff only (group dpo, signed in): how the request reached the desk. Anyone else who sends it "
            + "is refused naming the field", allowableValues = {"EMAIL", "POST", "PHONE", "IN_PERSON"})
    private String channel;

    /** Staff only: the ISO date the letter, call or visit reached the desk. */
    @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be an ISO date such as 2026-11-02")
    @Schema(description = "Staff only (group dpo, signed in), with `channel`: the day the letter, call, visit or email "
            + "reached the desk, not in the future; the statutory clock starts then", format = "date", example = "2026-11-20")
    private String receivedAt;

    @Valid
    private AgentSubmission agent;

    public RequesterDetails requester(String fallbackLanguage) {
        return new RequesterDetails(fullName, email, phone, country, region, details,
                language != null ? language : fallbackLanguage);
    }

    public RequestType requestType() {
        return RequestType.valueOf(type);
    }

    /** Trimmed; blank is absent. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = clean(type); }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = clean(fullName); }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = clean(email); }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = clean(phone); }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = clean(country); }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = clean(region); }
    public String getDetails() { return details; }
    public void setDetails(String details) { this.details = clean(details); }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = clean(language); }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = clean(channel); }
    public String getReceivedAt() { return receivedAt; }
    public void setReceivedAt(String receivedAt) { this.receivedAt = clean(receivedAt); }
    public AgentSubmission getAgent() { return agent; }
    public void setAgent(AgentSubmission agent) { this.agent = agent; }

    /** Someone acts for the data subject: an agent field is given. The other fields are then the data subject's. */
    public boolean madeByAgent() {
        return agent != null && !agent.isEmpty();
    }

    boolean isStaffEntry() {
        return channel != null || receivedAt != null;
    }
}
