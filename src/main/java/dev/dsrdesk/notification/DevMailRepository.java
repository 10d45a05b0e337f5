package dev.dsrdesk.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DevMailRepository extends JpaRepository<DevMail, Long> {

    List<DevMail> findTop100ByOrderByIdDesc();
}
