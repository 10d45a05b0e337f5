package dev.dsrdesk.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.fulfilment.EntityRecord;
import dev.dsrdesk.fulfilment.EntityStep;
import dev.dsrdesk.fulfilment.EntityStepRepository;
import dev.dsrdesk.fulfilment.StepState;
import dev.dsrdesk.registry.Entity;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts the entities' answers together, in registry order, straight from what they entered. */
@Component
class ResponseCompiler {

    private final EntityStepRepository steps;
    private final EntityRegistry registry;
    private final ObjectMapper json;
    private final Clock clock;

    ResponseCompiler(EntityStepRepository steps, EntityRegistry registry, ObjectMapper json, Clock clock) {
        this.steps = steps;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    CompiledResponse compile(DataSubjectRequest request) {
        List<EntityStep> answers = steps.findByRequestIdOrderByEntityId(request.getId());
        List<CompiledResponse.EntitySection> sections = registry.entities().stream()
                .flatMap(entity -> answers.stream().filter(step -> step.getEntityId().equals(entity.id()))
                        .map(step -> section(entity, step)))
                .toList();
        return new CompiledResponse(request, clock.instant(), sections);
    }

    private CompiledResponse.EntitySection section(Entity entity, EntityStep step) {
        return new CompiledResponse.EntitySection(entity.id(), entity.name(), entity.kind().name(), entity.country(),
                step.getState() != StepState.NOT_INVOLVED, step.getState().name(), step.getReasonToRequester(), records(step));
    }

    private List<EntityRecord> records(EntityStep step) {
        return step.records(json);
    }
}
