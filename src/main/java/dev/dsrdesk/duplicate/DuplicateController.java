package dev.dsrdesk.duplicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators: handle a linked request on its own after all. */
@RestController
@Tag(name = "Staff")
class DuplicateController {

    private final DuplicateRequests duplicates;

    DuplicateController(DuplicateRequests duplicates) {
        this.duplicates = duplicates;
    }

    @PostMapping("/api/requests/{reference}/unlink")
    @Operation(operationId = "unlinkRequest", summary = "Handle a linked request on its own",
            description = """
                    For privacy operators (group dpo). A verified requester who asks for the same right again while \
                    their first request is open gets a request linked to the open one (status LINKED_TO_OPEN_REQUEST), \
                    and no entity is asked twice. Unlinking sends it to triage as a request of its own.""")
    @SecurityRequirement(name = "staff")
    @ApiResponse(responseCode = "204", description = "Unlinked: the request waits for triage.")
    @ApiResponse(responseCode = "404", ref = "NoSuchRequest")
    @ApiResponse(responseCode = "409", description = "The request is not linked to another.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<Void> unlink(@Parameter(description = "The linked request's reference", example = "DSR-2026-000043")
                                @PathVariable String reference) {
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
