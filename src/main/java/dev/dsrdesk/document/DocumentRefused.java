package dev.dsrdesk.document;

/** A document the desk will not store; nothing of it was kept. */
public class DocumentRefused extends RuntimeException {

    private final DocumentRefusal refusal;

    DocumentRefused(DocumentRefusal refusal) {
        super("document refused: " + refusal.messageKey());
        this.refusal = refusal;
    }

    public DocumentRefusal refusal() {
        return refusal;
    }
}
