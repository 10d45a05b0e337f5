package dev.dsrdesk.response;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.request.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.NoSuchElementException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reviewer's four-eyes check sees the answer exactly as it will leave: the access report or the portability
 * package compiled from the entities' answers now, marked as a preview. Operators only; every preview is audited,
 * as it shows a requester's data.
 */
@Controller
class ResponsePreviewController {

    private final Requests requests;
    private final ResponseCompiler compiler;
    private final AnswerView view;
    private final AuditTrail audit;

    ResponsePreviewController(Requests requests, ResponseCompiler compiler, AnswerView view, AuditTrail audit) {
        this.requests = requests;
        this.compiler = compiler;
        this.view = view;
        this.audit = audit;
    }

    @GetMapping("/staff/requests/{reference}/preview")
    @Transactional
    Object preview(@PathVariable String reference, Principal operator, HttpServletRequest http, HttpServletResponse response) {
        CompiledResponse answer;
        try {
            answer = compiler.compile(requests.byReference(reference));
        } catch (NoSuchElementException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + reference);
        }
        audit.record(reference, "RESPONSE_PREVIEWED", operator.getName(), null);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return view.of(answer, http, true);
    }
}
