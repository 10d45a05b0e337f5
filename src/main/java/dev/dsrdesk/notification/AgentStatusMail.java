package dev.dsrdesk.notification;

import dev.dsrdesk.agent.AuthorizedAgents;
import dev.dsrdesk.request.RequestClosed;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.Requests;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * However a request made on someone's behalf ends, its agent hears that it ended, in the closure's transaction (the
 * outbox's rule: no mail for a closure that rolled back). The answer and any data went to the data subject alone; a
 * refused permission was told already, with its reasons.
 */
@Component
class AgentStatusMail {

    /** The ends the mail names; any other final status reads "is closed". */
    private static final Set<RequestStatus> TOLD = Set.of(RequestStatus.CLOSED, RequestStatus.REJECTED,
            RequestStatus.CLOSED_UNVERIFIED, RequestStatus.CLOSED_AS_DUPLICATE);

    private final AuthorizedAgents agents;
    private final Requests requests;
    private final RequesterMail mail;

    AgentStatusMail(AuthorizedAgents agents, Requests requests, RequesterMail mail) {
        this.agents = agents;
        this.requests = requests;
        this.mail = mail;
    }

    @EventListener
    void closed(RequestClosed closed) {
        agents.of(closed.reference()).filter(agent -> !agent.permissionRefused()).ifPresent(agent -> mail.sendToAgent(
                requests.byReference(closed.reference()), agent, AgentMessage.STATUS,
                Map.of("statusKey", "mail.agent-status." + (TOLD.contains(closed.status()) ? closed.status().name() : "other"))));
    }
}
