package dev.dsrdesk.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Files a requester might attach: each starts as its type does, the rest is filler up to the size asked for. */
public final class SampleFiles {

    private static final byte[] PDF = "%PDF-1.7\n% a signed permission\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    private SampleFiles() {
    }

    public static byte[] pdf() {
        return pdf(1024);
    }

    public static byte[] pdf(int size) {
        return filled(PDF, size);
    }

    public static byte[] png() {
        return filled(PNG, 2048);
    }

    public static byte[] jpeg() {
        return filled(JPEG, 2048);
    }

    /** A page someone hopes a browser will run in the desk's origin, under any name. */
    public static byte[] html() {
        return "<html><script>fetch('/api/requests')</script></html>".getBytes(StandardCharsets.UTF_8);
    }

    public static String base64(byte[] file) {
        return Base64.getEncoder().encodeToString(file);
    }

    private static byte[] filled(byte[] start, int size) {
        byte[] file = Arrays.copyOf(start, Math.max(size, start.length));
        Arrays.fill(file, start.length, file.length, (byte) 'x');
        return file;
    }
}
