package dev.dsrdesk.language;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The switcher's links on requester pages: the same page in another language. A page that answers a form goes
 * back to the start, because repeating the POST is not what a language link should do. The layout adds a
 * link's token only where the page holds a usable one (the confirm pages): a refused link's page must be the
 * same whatever was presented, so it never echoes the token.
 */
@ControllerAdvice(annotations = RequesterFacing.class)
class LanguageSwitcher {

    static final String PARAMETER = "lang";

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request) {
        String path = HttpMethod.GET.matches(request.getMethod())
                ? request.getRequestURI().substring(request.getContextPath().length())
                : "/";
        return SupportedLanguages.all().stream()
                .map(language -> new LanguageLink(language.tag(), language.name(), path))
                .toList();
    }

    /** One entry of the switcher: the language's tag (for lang and hreflang), its own name, and the page it opens. */
    record LanguageLink(String tag, String name, String path) {
    }
}
