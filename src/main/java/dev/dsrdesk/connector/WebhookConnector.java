package dev.dsrdesk.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.dsrdesk.request.RequesterIdentifier;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Calls a processor's API: a JSON request signed with HMAC-SHA256 over the exact body ({@code X-DSR-Signature:
 * sha256=<hex>}). The processor answers at once (200 with the answer) or accepts (202) and calls back later at
 * the callback URL, signing its body the same way. Anything else is a failure the job retries and then reports.
 */
@Component
class WebhookConnector {

    static final String SIGNATURE_HEADER = "X-DSR-Signature";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;

    WebhookConnector(ObjectMapper json) {
        this.json = json;
    }

    /** The processor's answer if it gave one at once; empty when it will call back. */
    Optional<ApiAnswer> call(DataStore store, StepRequest step) {
        String body = body(step);
        HttpRequest request = HttpRequest.newBuilder(URI.create(store.webhook().url()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, sign(store.webhook().secret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectorFailed(store.name() + " could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorFailed(store.name() + " call interrupted");
        }
        if (response.statusCode() == 202) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ConnectorFailed(store.name() + " answered HTTP " + response.statusCode());
        }
        try {
            return Optional.of(ApiAnswer.parse(response.body(), json));
        } catch (ApiAnswer.Refused e) {
            throw new ConnectorFailed(store.name() + " answered outside the contract: " + e.getMessage());
        }
    }

    private String body(StepRequest step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", step.reference());
        body.put("action", step.action());
        // only what the desk verified: a typed name or phone could point the processor at another person
        Map<String, Object> subject = new LinkedHashMap<>();
        List<SentIdentifier> identifiers = new java.util.ArrayList<>();
        for (RequesterIdentifier identifier : step.verifiedIdentifiers()) {
            subject.put(identifier.kind().name().toLowerCase(java.util.Locale.ROOT), identifier.value());
            identifiers.add(new SentIdentifier(identifier.kind().name(), identifier.value(), true, identifier.checkedBy().name()));
        }
        body.put("subject", subject);
        body.put("identifiers", identifiers);
        body.put("callbackUrl", step.callbackUrl());
        body.put("answerBy", step.answerBy().toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of text always serialises", e);
        }
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether a presented signature is the body's, compared in constant time. */
    static boolean signedBy(String secret, String body, String presented) {
        return presented != null && MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** What the processor is asked to do, for whom, and where to answer. */
    /** One identifier as the processor receives it, flagged with how the desk verified it. */
    record SentIdentifier(String type, String value, boolean verified, String verifiedBy) {
    }

    /** What the processor is asked; only verified identifiers travel. */
    record StepRequest(String reference, String action, List<RequesterIdentifier> verifiedIdentifiers, String callbackUrl,
                       java.time.Instant answerBy) {

        StepRequest {
            verifiedIdentifiers = verifiedIdentifiers.stream().filter(RequesterIdentifier::verified).toList();
        }
    }

    /** The processor's API failed; the message (no personal data) becomes the incident's text. */
    static class ConnectorFailed extends RuntimeException {
        ConnectorFailed(String message) {
            super(message);
        }
    }
}
