package dev.dsrdesk.language;

import java.util.Map;

/**
 * Reads requester-facing words out of a decision table that keeps one output column per language: {@code reason}
 * in English, {@code reasonIt}, {@code reasonPtBr}. The privacy officer edits a rule's words in every language in
 * one row; a column left empty falls back to English rather than leaving the requester without an answer.
 */
public final class TranslatedOutputs {

    private TranslatedOutputs() {
    }

    public static String in(Map<String, Object> result, String output, String languageTag) {
        String english = (String) result.get(output);
        String suffix = SupportedLanguages.of(languageTag).decisionColumnSuffix();
        if (suffix.isEmpty()) {
            return english;
        }
        String translated = (String) result.get(output + suffix);
        return translated == null || translated.isBlank() ? english : translated;
    }
}
