package dev.dsrdesk.intake;

import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.request.RequesterDetails;
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
public class RequestSubmission {

    static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

    @NotBlank(message = "{intake.required}")
    @Pattern(regexp = "ACCESS|RECTIFICATION|ERASURE|RESTRICTION|PORTABILITY|OBJECTION|WITHDRAW_CONSENT",
            message = "{intake.type}")
    private String type;

    @NotBlank(message = "{intake.required}")
    @Size(max = 200, message = "{intake.tooLong}")
    @Pattern(regexp = SINGLE_LINE, message = "{intake.singleLine}")
    private String fullName;

    @NotBlank(message = "{intake.required}")
    @Size(max = 254, message = "{intake.tooLong}")
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{intake.email}")
    @Pattern(regexp = SINGLE_LINE, message = "{intake.singleLine}")
    private String email;

    @Pattern(regexp = "\\+?[0-9][0-9 ()./-]{4,28}[0-9]", message = "{intake.phone}")
    private String phone;

    @NotBlank(message = "{intake.required}")
    @IsoCountry
    private String country;

    @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "{intake.region}")
    private String region;

    @Size(max = 4000, message = "{intake.tooLong}")
    private String details;

    @Pattern(regexp = "en|it|pt-BR", message = "{intake.language}")
    private String language;

    /** Staff only: how a request entered by an operator reached the desk. */
    @Pattern(regexp = "EMAIL|POST|PHONE|IN_PERSON", message = "must be one of EMAIL, POST, PHONE, IN_PERSON")
    private String channel;

    /** Staff only: the ISO date the letter, call or visit reached the desk. */
    @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be an ISO date such as 2026-11-02")
    private String receivedAt;

    public RequesterDetails requester(String fallbackLanguage) {
        return new RequesterDetails(fullName, email, phone, country, region, details,
                language != null ? language : fallbackLanguage);
    }

    public RequestType requestType() {
        return RequestType.valueOf(type);
    }

    private static String clean(String value) {
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

    boolean isStaffEntry() {
        return channel != null || receivedAt != null;
    }
}
