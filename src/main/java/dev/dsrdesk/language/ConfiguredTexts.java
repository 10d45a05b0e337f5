package dev.dsrdesk.language;

import java.util.Locale;
import java.util.Map;

/**
 * Words a configuration gives per language ({@code en}, {@code it}, {@code pt-BR}), such as a store's labels for its
 * columns. A language without its own words reads the English ones, and a text nobody translated reads as the
 * configuration's own name for the thing, so a reader is never left without a word.
 */
public final class ConfiguredTexts {

    private ConfiguredTexts() {
    }

    public static String in(Map<String, String> byLanguage, Locale reader, String fallback) {
        if (byLanguage == null || byLanguage.isEmpty()) {
            return fallback;
        }
        String wanted = SupportedLanguages.closest(reader).getLanguage();
        String english = null;
        for (Map.Entry<String, String> text : byLanguage.entrySet()) {
            if (text.getValue() == null || text.getValue().isBlank()) {
                continue;
            }
            // Spring binds a YAML key as written or lower-cased, depending on the source: compare languages, not keys
            String language = Locale.forLanguageTag(text.getKey().replace('_', '-')).getLanguage();
            if (language.equals(wanted)) {
                return text.getValue();
            }
            if (language.equals(SupportedLanguages.ENGLISH.getLanguage())) {
                english = text.getValue();
            }
        }
        return english == null ? fallback : english;
    }
}
