package dev.dsrdesk.language;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * Which language a page speaks: the person's own choice (the switcher, kept in a cookie) wins; then, on a
 * page behind a mailed link, the language stored with the request; then the browser's Accept-Language.
 * Every answer is one of the supported languages, so a forged cookie or parameter falls back to English. Staff
 * pages are English whatever the browser says.
 */
public class RequesterLocaleResolver implements LocaleResolver {

    public static final String COOKIE = "dsr-lang";
    private static final Duration REMEMBERED_FOR = Duration.ofDays(365);
    private static final String CHOSEN_NOW = RequesterLocaleResolver.class.getName() + ".CHOSEN_NOW";
    private static final String OF_REQUEST = RequesterLocaleResolver.class.getName() + ".OF_REQUEST";
    private static final String STAFF_PAGE = RequesterLocaleResolver.class.getName() + ".STAFF_PAGE";

    /** A staff page is written in English; its layout and labels must not follow the browser. */
    static void speakEnglishOnStaffPage(HttpServletRequest request) {
        request.setAttribute(STAFF_PAGE, Boolean.TRUE);
    }

    /** The page answers a request's link: speak its stored language unless the person chose another. */
    public static void speakLanguageOfRequest(HttpServletRequest request, String languageTag) {
        request.setAttribute(OF_REQUEST, SupportedLanguages.forTag(languageTag));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(STAFF_PAGE) != null) {
            return SupportedLanguages.ENGLISH;
        }
        return chosen(request)
                .or(() -> Optional.ofNullable((Locale) request.getAttribute(OF_REQUEST)))
                .orElseGet(() -> SupportedLanguages.fromBrowser(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = SupportedLanguages.closest(locale);
        request.setAttribute(CHOSEN_NOW, chosen);
        if (response != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen.toLanguageTag())
                    .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                    .maxAge(REMEMBERED_FOR)
                    .httpOnly(true)
                    .secure(request.isSecure())
                    .sameSite("Lax")
                    .build().toString());
        }
    }

    private static Optional<Locale> chosen(HttpServletRequest request) {
        Locale now = (Locale) request.getAttribute(CHOSEN_NOW);
        if (now != null) {
            return Optional.of(now);
        }
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        return cookie == null ? Optional.empty() : Optional.of(SupportedLanguages.forTag(cookie.getValue()));
    }
}
