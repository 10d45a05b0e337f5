package dev.dsrdesk.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.request.IdentifierCheck;
import dev.dsrdesk.request.RequesterIdentifier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Webhook;
import io.swagger.v3.oas.annotations.Webhooks;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
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
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Calls a processor's API: a JSON request signed with HMAC-SHA256 over the exact body ({@code X-DSR-Signature:
 * sha256=<hex>}). The processor answers at once (200 with the answer) or accepts (202) and calls back later at
 * the callback URL, signing its body the same way. Anything else is a failure the job retries and then reports.
 * The call is described in the API document as its webhook {@code entityStep}, from the very types sent here.
 */
@Component
@SecurityScheme(name = "processorSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = WebhookConnector.SIGNATURE_HEADER,
        description = """
                Not a fixed key: `sha256=` and the lower-case hex HMAC-SHA256 of the exact body bytes, keyed with the \
                secret the processor and the desk share (`webhook.secret` of the processor's store). The desk signs \
                what it sends to a processor this way, and a processor signs its answer to the callback URL the same \
                way; compare in constant time.""")
@Webhooks(@Webhook(name = "entityStep", operation = @Operation(operationId = "askProcessor", method = "post",
        summary = "The desk asks a processor's API to do its part of a request",
        description = """
                What a processor with an API implements: the desk POSTs to its `webhook.url` the request's reference, \
                what to do and for whom, signed in `X-DSR-Signature`. Only identifiers the desk verified travel, each \
                flagged with how; never a name or an unverified phone. The processor either answers at once (200 with \
                its answer) or accepts (202) and POSTs the same answer, signed the same way, to `callbackUrl` before \
                `answerBy`. Any other status, an answer outside the contract or no answer within 30 seconds is a \
                failure: the desk retries, then reports an incident. Without an answer by `answerBy` the step goes to \
                the processor liaison's people in Tasklist.""",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookConnector.StepCall.class))),
        responses = {
                @ApiResponse(responseCode = "200", description = "Done (or nothing found) at once: the answer.",
                        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiAnswer.Contract.class))),
                @ApiResponse(responseCode = "202", description = "Accepted: the answer will come to `callbackUrl` before `answerBy`."),
                @ApiResponse(responseCode = "default", description = "Anything else is a failure: the desk retries, then "
                        + "reports an incident.")},
        security = @SecurityRequirement(name = "processorSignature"))))
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
        // only what the desk verified: a typed name or phone could point the processor at another person
        String email = null;
        String phone = null;
        List<SentIdentifier> identifiers = new java.util.ArrayList<>();
        for (RequesterIdentifier identifier : step.verifiedIdentifiers()) {
            switch (identifier.kind()) {
                case EMAIL -> email = identifier.value();
                case PHONE -> phone = identifier.value();
            }
            identifiers.add(new SentIdentifier(identifier.kind().name(), identifier.value(), true, identifier.checkedBy().name()));
        }
        StepCall call = new StepCall(step.reference(), step.action(), new Subject(email, phone), identifiers,
                step.callbackUrl(), step.answerBy().toString());
        try {
            return json.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of text always serialise", e);
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

    /** What the processor is asked to do, for whom, and where to answer: the body of the call. */
    @Schema(name = "ProcessorStep", description = "What the processor is asked to do, for whom, and where to answer later.")
    record StepCall(
            @Schema(description = "The request's reference; quote it in any contact with the desk",
                    example = "DSR-2026-000042", requiredMode = Schema.RequiredMode.REQUIRED) String reference,
            @Schema(description = "What to do: EXPORT the person's data (access, portability), ERASE it, RECTIFY it, "
                    + "RESTRICT its processing, STOP_PROCESSING or STOP_DIRECT_MARKETING (objection), or "
                    + "RECORD_CONSENT_WITHDRAWAL", example = "EXPORT", requiredMode = Schema.RequiredMode.REQUIRED,
                    implementation = EntityAction.class) String action,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Subject subject,
            @Schema(description = "The same identifiers with how each was verified; only verified ones are sent",
                    requiredMode = Schema.RequiredMode.REQUIRED) List<SentIdentifier> identifiers,
            @Schema(description = "Where to POST the answer after a 202: single use, its path holds a 256-bit secret",
                    format = "uri", example = "https://privacy.example.com/connector-callback/4egjjKlFIdV81zjFsvA2j5P7E9mDQGEQ06hoLt2_b3Q",
                    requiredMode = Schema.RequiredMode.REQUIRED) String callbackUrl,
            @Schema(description = "By when the answer must reach the desk (`webhook.answer-within` after the call, "
                    + "default three days)", format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED) String answerBy) {
    }

    /** The person, by the identifiers the desk verified; one the desk did not verify is absent. */
    @Schema(name = "ProcessorSubject", description = "The person, by the identifiers the desk verified; an identifier "
            + "the desk did not verify is absent.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subject(@Schema(example = "maria.rossi@example.com") String email, @Schema(example = "+39 06 1234 5678") String phone) {
    }

    /** One identifier as the processor receives it, flagged with how the desk verified it. */
    @Schema(name = "ProcessorIdentifier")
    record SentIdentifier(@Schema(implementation = RequesterIdentifier.Kind.class) String type, String value,
                          @Schema(description = "Always true: the desk sends no other") boolean verified,
                          @Schema(description = "How: the requester confirmed a mailed link (EMAIL_LINK) or an operator "
                                  + "checked evidence (OPERATOR_REVIEW)", implementation = IdentifierCheck.class)
                          String verifiedBy) {
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
