package dev.dsrdesk.duplicate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators: handle a linked request on its own after all. */
@RestController
class DuplicateController {

    private final DuplicateRequests duplicates;

    DuplicateController(DuplicateRequests duplicates) {
        this.duplicates = duplicates;
    }

    @PostMapping("/api/requests/{reference}/unlink")
    ResponseEntity<Void> unlink(@PathVariable String reference) {
        duplicates.unlink(reference);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(DuplicateRequests.NotLinkedException.class)
    ProblemDetail notLinked(DuplicateRequests.NotLinkedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Not linked");
        return problem;
    }
}
