package dev.dsrdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public endpoints take small bodies (a request is a few kilobytes); anything larger is refused with
 * 413 before it is read. A body without a declared length is refused too, so it cannot stream forever. The endpoints
 * that take a requester's document ({@link #UPLOADS}) take the largest document the desk accepts and the rest of the
 * form ({@code DocumentSettings.largestUploadBody}); no other public endpoint does.
 */
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 64 * 1024;
    /**
     * The public endpoints that take a document: the public form and the answer on the request page (multipart), and
     * the API (base64 in JSON).
     */
    static final Set<String> UPLOADS = Set.of("/requests", "/api/requests", "/request/answer");
    static final Set<String> PUBLIC_POSTS = Set.of("/requests", "/api/requests", "/verify", "/download", "/request/answer",
            "/request/download-link", "/request/withdraw");
    /** A processor's late answer may carry a whole access export. */
    static final long MAX_CALLBACK_BYTES = 8 * 1024 * 1024;

    private final long maxUploadBytes;

    RequestSizeLimit(long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = AmbiguousPaths.routed(request);
        boolean post = "POST".equals(request.getMethod());
        boolean callback = post && (path.startsWith("/connector-callback/") || path.equals("/processor-answer"));
        boolean publicPost = post && PUBLIC_POSTS.contains(path);
        long limit = callback ? MAX_CALLBACK_BYTES : publicPost && UPLOADS.contains(path) ? maxUploadBytes : MAX_BODY_BYTES;
        long length = request.getContentLengthLong();
        if ((publicPost || callback) && (length > limit || (length < 0 && request.getHeader("Transfer-Encoding") != null))) {
            ProblemResponse.write(response, HttpStatus.PAYLOAD_TOO_LARGE.value(), "Request too large",
                    "The body may be at most " + limit + " bytes, with its length declared.");
            return;
        }
        chain.doFilter(request, response);
    }
}
