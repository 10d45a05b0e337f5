package dev.dsrdesk.fulfilment;

import dev.dsrdesk.decision.DecisionTables;
import dev.dsrdesk.language.TranslatedOutputs;
import dev.dsrdesk.registry.Entity;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the routing decision (processes/entity-routing.dmn) about every entity of the registry and
 * records the answers: which entities are involved, the action each must take and why. The rules live
 * in the table; this class only feeds it each entity's kind, data categories and purposes.
 */
@Component
public class EntityRouting {

    static final String DECISION = "entity-routing";

    private final DecisionTables tables;
    private final EntityRegistry registry;
    private final EntityStepRepository steps;
    private final Requests requests;

    EntityRouting(DecisionTables tables, EntityRegistry registry, EntityStepRepository steps, Requests requests) {
        this.tables = tables;
        this.registry = registry;
        this.steps = steps;
        this.requests = requests;
    }

    /** Process step: decide for every entity and keep the decisions with the request. */
    @Transactional
    public void route(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        for (Entity entity : registry.entities()) {
            RoutingDecision decision = decide(request.getType().name(), entity, request.getLanguage());
            steps.findByRequestIdAndEntityId(request.getId(), entity.id()).ifPresentOrElse(
                    step -> step.reroute(decision.action(), decision.reason()),
                    () -> steps.save(decision.involved()
                            ? EntityStep.involved(request.getId(), entity.id(), decision.action(), decision.reason())
                            : EntityStep.notInvolved(request.getId(), entity.id(), decision.reason())));
        }
    }

    /** The fan-out's collection: the entities the decision involved, in registry order. */
    @Transactional(readOnly = true)
    public List<String> involvedEntityIds(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        Set<String> involved = steps.findByRequestIdOrderByEntityId(request.getId()).stream()
                .filter(EntityStep::isInvolved).map(EntityStep::getEntityId).collect(Collectors.toSet());
        return registry.ids().stream().filter(involved::contains).toList();
    }

    /**
     * The requester withdrew: every step still open stops (its task went with the withdrawn process). Returns the
     * entities that were at work, in registry order, so that each can be told.
     */
    @Transactional
    public List<String> withdrawOpenSteps(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        Set<String> stopped = new HashSet<>();
        for (EntityStep step : steps.findByRequestIdOrderByEntityId(request.getId())) {
            if (step.getState() == StepState.OPEN) {
                step.withdraw();
                stopped.add(step.getEntityId());
            }
        }
        return registry.ids().stream().filter(stopped::contains).toList();
    }

    /** How many entities the request reached, for the requester's page; none before routing. */
    @Transactional(readOnly = true)
    public long involvedCount(String reference) {
        return steps.findByRequestIdOrderByEntityId(requests.byReference(reference).getId()).stream()
                .filter(EntityStep::isInvolved).count();
    }

    @Transactional(readOnly = true)
    public String actionFor(String reference, String entityId) {
        DataSubjectRequest request = requests.byReference(reference);
        return steps.findByRequestIdAndEntityId(request.getId(), entityId)
                .map(EntityStep::getAction)
                .map(Enum::name)
                .orElseThrow(() -> new IllegalStateException(entityId + " was not routed for " + reference));
    }

    RoutingDecision decide(String requestType, Entity entity, String requesterLanguage) {
        Map<String, Object> result = tables.askOne(DECISION, Map.of(
                "requestType", requestType,
                "entityKind", entity.kind().name(),
                "dataCategories", List.copyOf(entity.dataCategories()),
                "purposes", List.copyOf(entity.purposes())));
        boolean involved = Boolean.TRUE.equals(result.get("involved"));
        String action = (String) result.get("action");
        return new RoutingDecision(involved, involved ? EntityAction.valueOf(action) : null,
                new RoutingReason((String) result.get("reason"), TranslatedOutputs.in(result, "reason", requesterLanguage)));
    }

    /** One row of the routing table's answer. */
    record RoutingDecision(boolean involved, EntityAction action, RoutingReason reason) {
    }
}
