package dev.dsrdesk.question;

/** A file the requester sends with an answer, as the browser named it; checked by its content before it is kept. */
public record AnswerDocument(String fileName, byte[] content) {
}
