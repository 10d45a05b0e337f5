package dev.dsrdesk.document;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart bodies (the public form with a document) are parsed up to the largest upload body and no further, so that a
 * file too large for {@code dsr.documents.max-size} but inside the body limit reaches the desk's own check and gets a
 * message, and a larger body is refused before it is read ({@code security.RequestSizeLimit}). Parts stay in memory:
 * a requester's document is never written to a temporary file.
 */
@Configuration(proxyBeanMethods = false)
class DocumentUploads {

    @Bean
    MultipartConfigElement multipartConfigElement(DocumentSettings settings) {
        long limit = settings.largestUploadBody();
        return new MultipartConfigElement("", limit, limit, (int) Math.min(limit + 1, Integer.MAX_VALUE));
    }
}
