package dev.dsrdesk.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file the desk takes, each known by its first bytes (a file's name and the type its sender declares
 * are whatever the sender chose), and the extensions its name may end in.
 */
public enum DocumentType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "png"),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg");

    private final String mediaType;
    private final byte[] magic;
    private final List<String> extensions;

    DocumentType(String mediaType, byte[] magic, String... extensions) {
        this.mediaType = mediaType;
        this.magic = magic;
        this.extensions = List.of(extensions);
    }

    /** What the content is, by its first bytes; empty for anything the desk does not take. */
    public static Optional<DocumentType> of(byte[] content) {
        return Arrays.stream(values()).filter(type -> type.starts(content)).findFirst();
    }

    static DocumentType ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a document type: " + mediaType));
    }

    /** Whether a file named so may hold this type: "scan.JPG" may be a JPEG, "scan.pdf" may not. */
    boolean isNamedBy(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension the desk gives a file of this type when it serves one. */
    String extension() {
        return extensions.get(0);
    }

    private boolean starts(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
