package dev.dsrdesk.requestpage;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequestPageLinkRepository extends JpaRepository<RequestPageLink, Long> {

    Optional<RequestPageLink> findByTokenHash(String tokenHash);
}
