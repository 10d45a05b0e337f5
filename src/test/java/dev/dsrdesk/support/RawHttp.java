package dev.dsrdesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket: the request line goes out exactly as written (java.net.URI and HttpClient would
 * normalise {@code /%61pi} or {@code //}), and the socket can be bound to another loopback address
 * (127.0.0.x), so one test plays several clients.
 */
public final class RawHttp {

    private final int port;
    private final String clientAddress;

    private RawHttp(int port, String clientAddress) {
        this.port = port;
        this.clientAddress = clientAddress;
    }

    /** A client on this loopback address, e.g. 127.0.0.23. */
    public static RawHttp from(String clientAddress, int port) {
        return new RawHttp(port, clientAddress);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Answer get(String rawTarget, String... headers) throws IOException {
        return send("GET", rawTarget, null, null, headers);
    }

    public Answer post(String rawTarget, String contentType, String body, String... headers) throws IOException {
        return send("POST", rawTarget, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Sends the head with a declared body length but without the body, then waits for the answer: a server that
     * wanted to read the body would time out instead of answering.
     */
    public Answer postHeadOnly(String rawTarget, String contentType, long declaredLength) throws IOException {
        return exchange("POST " + rawTarget + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + declaredLength + "\r\n", new byte[0]);
    }

    /** Each header as "Name: value". */
    public Answer send(String method, String rawTarget, String contentType, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(rawTarget).append(" HTTP/1.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return exchange(head.toString(), body == null ? new byte[0] : body);
    }

    private Answer exchange(String headWithoutHost, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(clientAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((headWithoutHost + "Host: localhost:" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return Answer.read(socket.getInputStream());
        }
    }

    /** An answer: status, headers (names in lower case), body as text. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** Reads one answer: up to its declared length, its last chunk, or the end of the connection. */
        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
            int matched = 0;
            int c;
            while (matched < 4 && (c = in.read()) != -1) {
                headBytes.write(c);
                matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
            }
            String head = headBytes.toString(StandardCharsets.ISO_8859_1);
            if (matched < 4) {
                throw new IOException("no complete HTTP answer: " + head);
            }
            String[] lines = head.trim().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"));
            List<String> length = headers.getOrDefault("content-length", List.of());
            byte[] body = chunked ? dechunk(in)
                    : !length.isEmpty() ? in.readNBytes(Integer.parseInt(length.get(0)))
                    : in.readAllBytes();
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                String hex = size.toString().split(";")[0].trim();
                if (hex.isEmpty() || c == -1) {
                    return body.toByteArray();
                }
                int length = Integer.parseInt(hex, 16);
                if (length == 0) {
                    return body.toByteArray();
                }
                body.write(in.readNBytes(length));
                in.read();
                in.read();
            }
        }
    }
}
