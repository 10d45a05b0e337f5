package dev.dsrdesk.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** How large a document a requester may upload ({@code dsr.documents.max-size}, 5 MB unless configured). */
@Validated
@ConfigurationProperties(prefix = "dsr.documents")
public record DocumentSettings(@DefaultValue("5MB") DataSize maxSize) {

    /** What a body carries besides the document: the rest of the form or of the JSON request. */
    static final long REST_OF_THE_BODY = 64 * 1024;

    public DocumentSettings {
        if (maxSize == null || maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("dsr.documents.max-size must be larger than zero");
        }
    }

    /**
     * The largest body an upload endpoint takes: the largest document as JSON carries it (base64, a third larger than
     * the file) and the rest of the body. A multipart form carries the file as it is, so it fits too; anything larger
     * is refused before it is read.
     */
    public long largestUploadBody() {
        long base64 = 4 * ((maxSize.toBytes() + 2) / 3);
        return base64 + REST_OF_THE_BODY;
    }
}
