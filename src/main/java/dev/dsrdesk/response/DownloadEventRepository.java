package dev.dsrdesk.response;

import org.springframework.data.jpa.repository.JpaRepository;

interface DownloadEventRepository extends JpaRepository<DownloadEvent, Long> {
}
