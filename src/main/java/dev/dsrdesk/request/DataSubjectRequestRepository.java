package dev.dsrdesk.request;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DataSubjectRequestRepository extends JpaRepository<DataSubjectRequest, Long> {

    Optional<DataSubjectRequest> findByReference(String reference);
}
