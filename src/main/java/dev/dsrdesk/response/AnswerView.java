package dev.dsrdesk.response;

import dev.dsrdesk.language.RequesterLocaleResolver;
import dev.dsrdesk.notification.ComplaintAuthorities;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.RequestType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer as the requester receives it, in their language: the printable access report, or the portability
 * package. The same for the requester's download and the reviewer's preview, so the reviewer approves what leaves.
 */
@Component
class AnswerView {

    private final PortabilityPackage portability;
    private final PolicyInformation policy;
    private final EntityRegistry registry;
    private final ComplaintAuthorities authorities;

    AnswerView(PortabilityPackage portability, PolicyInformation policy, EntityRegistry registry,
               ComplaintAuthorities authorities) {
        this.portability = portability;
        this.policy = policy;
        this.registry = registry;
        this.authorities = authorities;
    }

    Object of(CompiledResponse answer, HttpServletRequest http, boolean preview) {
        RequesterLocaleResolver.speakLanguageOfRequest(http, answer.request().getLanguage());
        if (answer.request().getType() == RequestType.PORTABILITY) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(answer.request().getReference() + (preview ? "-preview" : "-data") + ".zip").build().toString())
                    .body(portability.zip(answer));
        }
        ModelAndView report = new ModelAndView("access-report");
        report.addObject("response", answer);
        report.addObject("policy", policy);
        report.addObject("recipients", registry.entities());
        report.addObject("authority", authorities.forRequester(answer.request()));
        report.addObject("preview", preview);
        return report;
    }
}
