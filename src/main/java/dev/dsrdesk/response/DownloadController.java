package dev.dsrdesk.response;

import dev.dsrdesk.language.RequesterFacing;
import dev.dsrdesk.language.RequesterLocaleResolver;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.security.LinkRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the closure mail's link: GET asks the requester to confirm, POST serves the access
 * report or the portability package. A link that no longer works explains how to ask again. Both pages and
 * the report speak the language stored with the request unless the person has chosen another.
 */
@Controller
@RequesterFacing
class DownloadController {

    private final DownloadLinks links;
    private final AnswerView view;

    DownloadController(DownloadLinks links, AnswerView view) {
        this.links = links;
        this.view = view;
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
        return view.of(compiled.get(), http, false);
    }
}
