package dev.dsrdesk.document;

/**
 * Why the desk refused a document, as a key of the requester's message bundles (messages*.properties: en, it,
 * pt-BR). Each reads as what the file must be ("must be a PDF, PNG or JPEG file"), after the field's name or label.
 */
public enum DocumentRefusal {
    /** Nothing was sent, or a file of no bytes. */
    EMPTY("document.empty"),
    /** No name, a name longer than 255 characters, or one with control or invisible formatting characters. */
    FILE_NAME("document.fileName"),
    /** Larger than {@code dsr.documents.max-size}; the message says the limit ({max}). */
    TOO_LARGE("document.tooLarge"),
    /** Its first bytes are not those of a PDF, a PNG or a JPEG, whatever its name says. */
    TYPE("document.type"),
    /** A PDF, PNG or JPEG under a name that says another type (a PNG named .pdf), or no type at all. */
    EXTENSION("document.extension");

    private final String messageKey;

    DocumentRefusal(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
