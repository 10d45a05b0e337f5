package dev.dsrdesk.request;

/** Who is asking, as they told us; already validated. */
public record RequesterDetails(
        String fullName, String email, String phone, String country, String region, String details, String language) {
}
