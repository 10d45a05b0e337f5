package dev.dsrdesk.intake;

import java.util.List;
import java.util.Locale;

/** The languages requesters are answered in; anything else is answered in English. */
final class SupportedLanguages {

    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.ITALIAN, Locale.forLanguageTag("pt-BR"));

    private SupportedLanguages() {
    }

    static String bestFor(Locale browserLocale) {
        if (browserLocale == null) {
            return "en";
        }
        return SUPPORTED.stream()
                .filter(candidate -> candidate.getLanguage().equals(browserLocale.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH)
                .toLanguageTag();
    }
}
