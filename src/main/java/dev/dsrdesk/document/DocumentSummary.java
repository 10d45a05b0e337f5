package dev.dsrdesk.document;

import java.time.Instant;
import java.util.Locale;

/**
 * One stored document as staff see it in a list: no content. The file name is the sender's and may say who they are,
 * so it is shown only on the operators' documents page, never on task forms or in the audit trail.
 */
public record DocumentSummary(long id, DocumentPurpose purpose, DocumentType type, long sizeBytes, String fileName,
                              Instant receivedAt) {

    /** "agent permission (PDF, 1.2 MB)": what a task form may show. */
    public String forStaff() {
        return purpose.forStaff() + " (" + type.name() + ", " + sizeInWords() + ")";
    }

    public String sizeInWords() {
        return size(sizeBytes);
    }

    /** A size as a person reads it: 830 bytes, 120 KB, 1.2 MB (1 KB = 1024 bytes, as the size setting counts). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
