package dev.dsrdesk.fulfilment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EntityStepRepository extends JpaRepository<EntityStep, Long> {

    List<EntityStep> findByRequestIdOrderByEntityId(Long requestId);

    Optional<EntityStep> findByRequestIdAndEntityId(Long requestId, String entityId);

    Optional<EntityStep> findByProcessInstanceId(String processInstanceId);
}
