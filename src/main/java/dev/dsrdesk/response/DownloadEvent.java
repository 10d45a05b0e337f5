package dev.dsrdesk.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A requester fetched their package: evidence that the answer was delivered. */
@Entity
@Table(name = "download_event")
class DownloadEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "download_link_id", nullable = false)
    private Long downloadLinkId;

    @Column(name = "downloaded_at", nullable = false)
    private Instant downloadedAt;

    protected DownloadEvent() {
    }

    DownloadEvent(Long downloadLinkId, Instant downloadedAt) {
        this.downloadLinkId = downloadLinkId;
        this.downloadedAt = downloadedAt;
    }
}
