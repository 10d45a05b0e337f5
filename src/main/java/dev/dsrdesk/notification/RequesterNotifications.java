package dev.dsrdesk.notification;

import dev.dsrdesk.agent.AuthorizedAgent;
import dev.dsrdesk.agent.AuthorizedAgents;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process's mail steps, each a message to the requester (the answer's own mail is the response's ClosureMail), and,
 * for a request made on someone's behalf, the agent's own mail where the agent hears of the step too.
 */
@Component
public class RequesterNotifications {

    private final Requests requests;
    private final RequesterMail mail;
    private final AuthorizedAgents agents;

    RequesterNotifications(Requests requests, RequesterMail mail, AuthorizedAgents agents) {
        this.requests = requests;
        this.mail = mail;
        this.agents = agents;
    }

    /** To the data subject and, for a request made on their behalf, to the agent. */
    @Transactional
    public void acknowledgement(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        mail.send(request, RequesterMessage.ACKNOWLEDGEMENT, Map.of());
        agents.of(reference).ifPresent(agent -> mail.sendToAgent(request, agent, AgentMessage.ACKNOWLEDGEMENT, Map.of()));
    }

    @Transactional
    public void closedUnverified(String reference) {
        mail.send(requests.byReference(reference), RequesterMessage.CLOSED_UNVERIFIED, Map.of());
    }

    @Transactional
    public void linked(String reference, String openReference) {
        mail.send(requests.byReference(reference), RequesterMessage.LINKED, Map.of("openReference", openReference));
    }

    /**
     * The identity review refused: identity not established (a staff-entered request), or, for a request made on the
     * data subject's behalf, the agent's permission not accepted; then both the data subject and the agent get the reasons.
     */
    @Transactional
    public void identityRefusal(DelegateExecution execution) {
        DataSubjectRequest request = requests.byReference(execution.getProcessBusinessKey());
        Map<String, Object> reasons = Map.of("reason", execution.getVariable("refusalReason"));
        Optional<AuthorizedAgent> agent = agents.of(request.getReference());
        if (agent.isPresent()) {
            mail.send(request, RequesterMessage.PERMISSION_REFUSAL, reasons);
            mail.sendToAgent(request, agent.get(), AgentMessage.PERMISSION_REFUSAL, reasons);
        } else {
            mail.send(request, RequesterMessage.IDENTITY_REFUSAL, reasons);
        }
    }

    @Transactional
    public void rejection(DelegateExecution execution) {
        DataSubjectRequest request = requests.byReference(execution.getProcessBusinessKey());
        mail.send(request, RequesterMessage.REJECTION, Map.of("reason", execution.getVariable("rejectionReason")));
    }
}
