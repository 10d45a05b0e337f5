package dev.dsrdesk.intake;

import dev.dsrdesk.request.DataSubjectRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IntakeApiController {

    private final IntakeService intake;

    IntakeApiController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping("/api/requests")
    ResponseEntity<SubmissionReceipt> submit(@Valid @RequestBody RequestSubmission submission, Locale locale) {
        DataSubjectRequest request = intake.submit(submission, SupportedLanguages.bestFor(locale));
        return ResponseEntity.created(URI.create("/api/requests/" + request.getReference()))
                .body(new SubmissionReceipt(request.getReference(), request.getStatus().name(), request.getType().name(),
                        request.getDueDate()));
    }

    record SubmissionReceipt(String reference, String status, String type, LocalDate dueDate) {
    }
}
