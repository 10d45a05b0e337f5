package dev.dsrdesk.suppression;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SuppressionRepository extends JpaRepository<Suppression, Long> {

    Optional<Suppression> findByEmailHash(String emailHash);
}
