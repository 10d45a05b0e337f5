package dev.dsrdesk.intake;

import dev.dsrdesk.language.SupportedLanguages;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.SecurityConfiguration;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IntakeApiController {

    private final IntakeService intake;
    private final IdempotencyKeys keys;
    private final Requests requests;

    IntakeApiController(IntakeService intake, IdempotencyKeys keys, Requests requests) {
        this.intake = intake;
        this.keys = keys;
        this.requests = requests;
    }

    @PostMapping("/api/requests")
    ResponseEntity<SubmissionReceipt> submit(@Valid @RequestBody RequestSubmission submission, Locale locale,
                                             Authentication caller,
                                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
        if (submission.isStaffEntry() && !SecurityConfiguration.isOperator(caller)) {
            throw new FieldProblems(submission.getChannel() != null ? "channel" : "receivedAt",
                    "may only be set by privacy desk staff (group dpo), signed in with HTTP Basic");
        }
        Supplier<DataSubjectRequest> work = () -> submission.isStaffEntry()
                ? intake.submitForRequester(submission, caller.getName(), SupportedLanguages.bestFor(locale))
                : intake.submit(submission, SupportedLanguages.bestFor(locale));
        if (key == null) {
            return created(work.get(), false);
        }
        IdempotencyKeys.Claim claim = keys.claim(key, submission, caller == null ? "" : caller.getName());
        Optional<String> earlier = keys.earlier(claim);
        if (earlier.isPresent()) {
            return created(requests.byReference(earlier.get()), true);
        }
        try {
            return created(keys.firstUnder(claim, work), false);
        } catch (RuntimeException e) {
            if (!IdempotencyKeys.lostTheRace(e)) {
                throw e;
            }
            return created(requests.byReference(keys.earlier(claim).orElseThrow(() -> e)), true);
        }
    }

    /** A retry is answered as the first submission was, and says it is a replay. */
    private static ResponseEntity<SubmissionReceipt> created(DataSubjectRequest request, boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/requests/" + request.getReference()));
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(new SubmissionReceipt(request.getReference(), request.getStatus().name(),
                request.getType().name(), request.getDueDate()));
    }

    record SubmissionReceipt(String reference, String status, String type, LocalDate dueDate) {
    }
}
