package dev.dsrdesk.response;

import dev.dsrdesk.security.LinkRefusal;
import dev.dsrdesk.notification.ComplaintAuthorities;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.registry.EntityRegistry;
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
 * report or the portability package. A link that no longer works explains how to ask again.
 */
@Controller
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
    String ask(@RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        Optional<DataSubjectRequest> request = links.requestBehind(token);
        if (request.isEmpty()) {
            response.setStatus(LinkRefusal.status(token));
            return "download-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("reference", request.get().getReference());
        model.addAttribute("portability", request.get().getType() == RequestType.PORTABILITY);
        return "download-confirm";
    }

    @PostMapping("/download")
    Object download(@RequestParam(name = "token", required = false) String token, HttpServletResponse response) {
        Optional<CompiledResponse> compiled = links.download(token);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (compiled.isEmpty()) {
            response.setStatus(LinkRefusal.status(token));
            return "download-invalid";
        }
        CompiledResponse answer = compiled.get();
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
