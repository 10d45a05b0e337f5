package dev.dsrdesk.duplicate;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.DataSubjectRequestRepository;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.Requests;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The same right asked again by the same verified email while the first request is open: the new one is
 * linked to the open one and answered with it, so the entities are not asked twice. Staff can unlink.
 */
@Component
public class DuplicateRequests {

    static final String LINKED_REQUEST_CLOSED = "LinkedRequestClosed";
    static final String DUPLICATE_UNLINKED = "DuplicateUnlinked";


    private final DataSubjectRequestRepository repository;
    private final Requests requests;
    private final RuntimeService runtime;

    DuplicateRequests(DataSubjectRequestRepository repository, Requests requests, RuntimeService runtime) {
        this.repository = repository;
        this.requests = requests;
        this.runtime = runtime;
    }

    /** Process step after verification: links the request and returns the open one's reference, or null. */
    @Transactional
    public String openRequestLike(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        List<DataSubjectRequest> open = repository.findOpenLike(request.getEmail(), request.getType(), reference,
                RequestStatus.finalStatuses());
        if (open.isEmpty()) {
            return null;
        }
        request.linkTo(open.get(0).getReference());
        return request.getLinkedTo();
    }

    /** The open request has ended: its linked duplicates end with it. */
    @Transactional
    public void releaseLinked(String reference) {
        for (DataSubjectRequest duplicate : repository.findByLinkedToAndStatus(reference, RequestStatus.LINKED_TO_OPEN_REQUEST)) {
            runtime.createMessageCorrelation(LINKED_REQUEST_CLOSED)
                    .processInstanceBusinessKey(duplicate.getReference())
                    .correlate();
        }
    }

    /** Staff: not a duplicate after all; the request goes to triage on its own. */
    @Transactional
    public void unlink(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        if (request.getStatus() != RequestStatus.LINKED_TO_OPEN_REQUEST) {
            throw new NotLinkedException(reference);
        }
        request.unlink();
        runtime.createMessageCorrelation(DUPLICATE_UNLINKED).processInstanceBusinessKey(reference).correlate();
    }

    /** Unlinking a request that is not linked. */
    public static class NotLinkedException extends RuntimeException {
        NotLinkedException(String reference) {
            super(reference + " is not linked to another request");
        }
    }
}
