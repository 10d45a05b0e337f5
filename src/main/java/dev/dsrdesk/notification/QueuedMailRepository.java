package dev.dsrdesk.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface QueuedMailRepository extends JpaRepository<QueuedMail, Long> {

    long countByDeliveredAtIsNull();
}
