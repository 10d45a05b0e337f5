package dev.dsrdesk.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The data subject's signed permission for the agent, as JSON carries it (the file's content in base64) and as the
 * public form's file input becomes ({@link IntakePageController}).
 */
@Schema(description = "The data subject's signed permission for the agent to make this request: a PDF, PNG or JPEG. "
        + "The desk checks the type by the file's content, and the file name's extension must say the same type.")
public record PermissionDocument(
        @Schema(description = "The file's name, with the extension of its type (.pdf, .png, .jpg or .jpeg); at most 255 "
                + "characters", example = "permission.pdf", maxLength = 255) String fileName,
        @Schema(description = "The file's content in base64 (RFC 4648); at most 5 MB once decoded "
                + "(dsr.documents.max-size)", format = "byte") String content) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The file itself; a content that is not base64 is refused ({@link IllegalArgumentException}). */
    byte[] bytes() {
        return content == null ? new byte[0] : Base64.getDecoder().decode(WHITESPACE.matcher(content).replaceAll(""));
    }

    static PermissionDocument of(String fileName, byte[] content) {
        return new PermissionDocument(fileName, Base64.getEncoder().encodeToString(content));
    }

    /** Not the content: a record's own would print megabytes into a log line or a form's value. */
    @Override
    public String toString() {
        return "PermissionDocument[" + (content == null ? 0 : content.length()) + " base64 characters]";
    }
}
