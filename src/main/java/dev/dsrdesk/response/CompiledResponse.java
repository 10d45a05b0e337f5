package dev.dsrdesk.response;

import dev.dsrdesk.fulfilment.EntityRecord;
import dev.dsrdesk.request.DataSubjectRequest;
import java.time.Instant;
import java.util.List;

/** Everything the entities answered for one request, ready to be rendered as a report or a package. */
public record CompiledResponse(DataSubjectRequest request, Instant compiledAt, List<EntitySection> entities) {

    public List<EntitySection> involved() {
        return entities.stream().filter(EntitySection::involved).toList();
    }

    public List<EntitySection> notInvolved() {
        return entities.stream().filter(section -> !section.involved()).toList();
    }

    /** One entity's part: who it is, why it was asked and what it found. */
    public record EntitySection(String id, String name, String kind, String country, boolean involved, String state,
                                String reason, List<EntityRecord> records) {
    }
}
