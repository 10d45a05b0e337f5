package dev.dsrdesk.request;

import jakarta.persistence.EntityManager;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * Draws the next request number from the database sequence before the row is written, so the
 * reference is known at insert time (it is NOT NULL and unique). Portable across H2 and PostgreSQL.
 */
@Component
public class RequestNumbers {

    private static final String SEQUENCE = "data_subject_request_seq";

    private final EntityManager entityManager;
    private final String nextValueSql;

    RequestNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
        Dialect dialect = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
        this.nextValueSql = dialect.getSequenceSupport().getSequenceNextValString(SEQUENCE);
    }

    public long next() {
        return ((Number) entityManager.createNativeQuery(nextValueSql).getSingleResult()).longValue();
    }
}
