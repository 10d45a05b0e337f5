package dev.dsrdesk.response;

import dev.dsrdesk.language.RequesterFacing;
import dev.dsrdesk.language.RequesterLocaleResolver;
import dev.dsrdesk.notification.ComplaintAuthorities;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.security.LinkRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page behind the closure mail's link: GET asks the requester to confirm, POST serves the access
 * report or the portability package. A link that no longer works explains how to ask again. Both pages and
 * the report speak the language stored with the request unless the person has chosen another.
 */
@Controller
@RequesterFacing
class DownloadController {

    private final DownloadLinks links;
    private final PortabilityPackage portability;
    private final PolicyInformation policy;
    private final EntityRegistry registry;
    private final ComplaintAuthorities authorities;

    DownloadController(DownloadLinks links, PortabilityPackage portability, PolicyInformation policy,
                       EntityRegistry registry, ComplaintAuthorities authorities) {
        this.links = links;
        this.portability = portability;
        this.policy = policy;
        this.registry = registry;
        this.authorities = authorities;
    }

    @GetMapping("/download")
    String ask(@RequestParam(name = "token", required = false) String token, Model model,
               HttpServletRequest http, HttpServletResponse response) {
        Optional<DataSubjectRequest> request = links.requestBehind(token);
        if (request.isEmpty()) {
            response.setStatus(LinkRefusal.status(token));
            return "download-invalid";
        }
        RequesterLocaleResolver.speakLanguageOfRequest(http, request.get().getLanguage());
        model.addAttribute("token", token);
        model.addAttribute("reference", request.get().getReference());
        model.addAttribute("portability", request.get().getType() == RequestType.PORTABILITY);
        return "download-confirm";
    }

    @PostMapping("/download")
    Object download(@RequestParam(name = "token", required = false) String token,
                    HttpServletRequest http, HttpServletResponse response) {
        Optional<CompiledResponse> compiled = links.download(token);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (compiled.isEmpty()) {
            response.setStatus(LinkRefusal.status(token));
            return "download-invalid";
        }
        CompiledResponse answer = compiled.get();
        RequesterLocaleResolver.speakLanguageOfRequest(http, answer.request().getLanguage());
        if (answer.request().getType() == RequestType.PORTABILITY) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(answer.request().getReference() + "-data.zip").build().toString())
                    .body(portability.zip(answer));
        }
        ModelAndView report = new ModelAndView("access-report");
        report.addObject("response", answer);
        report.addObject("policy", policy);
        report.addObject("recipients", registry.entities());
        report.addObject("authority", authorities.forRequester(answer.request()));
        return report;
    }
}
