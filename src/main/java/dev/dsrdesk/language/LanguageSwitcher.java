package dev.dsrdesk.language;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The switcher's links on requester pages: the same page in another language. A page behind a mailed link
 * keeps its token, so switching does not lose the request; a page that answers a form goes back to the start,
 * because repeating the POST is not what a language link should do.
 */
@ControllerAdvice(annotations = RequesterFacing.class)
class LanguageSwitcher {

    static final String PARAMETER = "lang";

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request) {
        boolean samePage = HttpMethod.GET.matches(request.getMethod());
        String path = samePage ? request.getRequestURI() : request.getContextPath() + "/";
        String token = samePage ? request.getParameter("token") : null;
        return SupportedLanguages.all().stream().map(language -> {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
            if (token != null) {
                link.queryParam("token", token);
            }
            link.queryParam(PARAMETER, language.tag());
            return new LanguageLink(language.tag(), language.name(), link.encode().build().toUriString());
        }).toList();
    }

    /** One entry of the switcher: the language's tag (for lang and hreflang), its own name, and where it leads. */
    record LanguageLink(String tag, String name, String href) {
    }
}
