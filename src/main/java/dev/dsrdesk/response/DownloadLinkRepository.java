package dev.dsrdesk.response;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DownloadLinkRepository extends JpaRepository<DownloadLink, Long> {

    Optional<DownloadLink> findByTokenHash(String tokenHash);

    List<DownloadLink> findByRequestId(Long requestId);
}
