package dev.dsrdesk.intake;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a valid request and starts its lifecycle, in one transaction: both happen or neither. */
@Service
public class IntakeService {

    static final String PROCESS_KEY = "data-subject-request";

    private final Requests requests;
    private final RuntimeService runtime;

    IntakeService(Requests requests, RuntimeService runtime) {
        this.requests = requests;
        this.runtime = runtime;
    }

    @Transactional
    public DataSubjectRequest submit(RequestSubmission submission, String fallbackLanguage) {
        DataSubjectRequest request = requests.register(submission.requester(fallbackLanguage), submission.requestType());
        // the process carries the reference and the type; the requester's details stay in the request table
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(request.getReference())
                .setVariable("reference", request.getReference())
                .setVariable("requestType", request.getType().name())
                .execute();
        return request;
    }
}
