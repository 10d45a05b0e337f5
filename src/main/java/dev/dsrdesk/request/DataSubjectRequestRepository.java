package dev.dsrdesk.request;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DataSubjectRequestRepository extends JpaRepository<DataSubjectRequest, Long> {

    /** Verified, still open, not itself a duplicate: the requests a new one of the same kind would repeat. */
    @Query("""
            select r from DataSubjectRequest r
            where lower(r.email) = lower(:email) and r.type = :type and r.reference <> :reference
              and r.verifiedAt is not null and r.linkedTo is null and r.status not in :closed
            order by r.receivedAt""")
    List<DataSubjectRequest> findOpenLike(@Param("email") String email, @Param("type") RequestType type,
                                          @Param("reference") String reference,
                                          @Param("closed") Collection<RequestStatus> closed);

    // written out for the same reason as the entity steps' queries: Hibernate keeps a JPQL query's translation
    @Query("select r from DataSubjectRequest r where r.linkedTo = :linkedTo and r.status = :status")
    List<DataSubjectRequest> findByLinkedToAndStatus(@Param("linkedTo") String linkedTo, @Param("status") RequestStatus status);
}
