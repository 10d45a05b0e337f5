package dev.dsrdesk.language;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * The languages requesters are answered in; anything else is answered in English. Brazilian Portuguese
 * stands for every Portuguese, because it is the only Portuguese the desk writes.
 */
public final class SupportedLanguages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale ITALIAN = Locale.ITALIAN;
    public static final Locale BRAZILIAN_PORTUGUESE = Locale.forLanguageTag("pt-BR");

    private static final List<Language> ALL = List.of(
            new Language(ENGLISH, "English", ""),
            new Language(ITALIAN, "Italiano", "It"),
            new Language(BRAZILIAN_PORTUGUESE, "Português (Brasil)", "PtBr"));

    private SupportedLanguages() {
    }

    /** The supported language of a stored or chosen tag; unknown or missing tags are English. */
    public static Language of(String languageTag) {
        Locale locale = forTag(languageTag);
        return ALL.stream().filter(language -> language.locale().equals(locale)).findFirst().orElseThrow();
    }

    /** Each language under its own name, as a switcher offers it. */
    public static List<Language> all() {
        return ALL;
    }

    /** The supported language nearest to a locale: the same language, whatever its country; else English. */
    public static Locale closest(Locale locale) {
        return supported(locale).orElse(ENGLISH);
    }

    /** A stored or chosen language tag such as {@code pt-BR}; unknown or missing tags are English. */
    public static Locale forTag(String languageTag) {
        return languageTag == null ? ENGLISH : closest(Locale.forLanguageTag(languageTag));
    }

    /** The tag stored with a request for a locale the page was shown in. */
    public static String bestFor(Locale locale) {
        return closest(locale).toLanguageTag();
    }

    /**
     * The first of the browser's languages the desk speaks. Without an Accept-Language header the servlet
     * container would report its own default locale, which says nothing about the requester.
     */
    public static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return ENGLISH;
        }
        return Collections.list(request.getLocales()).stream()
                .flatMap(locale -> supported(locale).stream())
                .findFirst()
                .orElse(ENGLISH);
    }

    private static java.util.Optional<Locale> supported(Locale locale) {
        if (locale == null) {
            return java.util.Optional.empty();
        }
        return ALL.stream().map(Language::locale)
                .filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
                .findFirst();
    }

    /**
     * A language under its own name; {@code decisionColumnSuffix} names its columns in the decision tables
     * ({@code reason} + {@code It}), empty for English, whose columns carry no suffix.
     */
    public record Language(Locale locale, String name, String decisionColumnSuffix) {

        public String tag() {
            return locale.toLanguageTag();
        }
    }
}
