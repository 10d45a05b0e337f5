package dev.dsrdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * axe-core (from npm, src/test/e2e: {@code npm ci --prefix src/test/e2e}) injected into the page the browser shows:
 * no violation of impact serious or critical may remain. Also the checks axe cannot make: every error message of a
 * form is tied to its field.
 */
final class Accessibility {

    static final Path AXE = Path.of("src/test/e2e/node_modules/axe-core/axe.min.js");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    private Accessibility() {
    }

    /** Fails early, with the remedy, when axe-core has not been installed. */
    static void requireAxe() {
        if (!Files.isReadable(AXE)) {
            throw new AssertionError(AXE + " is missing: run `npm ci --prefix src/test/e2e` (mvn verify runs it before the integration tests)");
        }
    }

    /** Runs axe on the page as it is now; fails listing every serious or critical violation, rule by rule. */
    static void assertNoSeriousViolations(Browser browser, String page) {
        browser.script(axe());
        String result = (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(results => done(JSON.stringify(results.violations)), error => done('axe failed: ' + error));
                """);
        assertThat(result).as("axe on %s", page).doesNotStartWith("axe failed");
        List<String> problems = new ArrayList<>();
        for (JsonNode violation : read(result)) {
            if (!FAILING_IMPACTS.contains(violation.path("impact").asText())) {
                continue;
            }
            StringBuilder problem = new StringBuilder("  [%s] %s: %s (%s)".formatted(violation.path("impact").asText(),
                    violation.path("id").asText(), violation.path("help").asText(), violation.path("helpUrl").asText()));
            for (JsonNode node : violation.path("nodes")) {
                problem.append("\n    at ").append(node.path("target")).append(": ").append(node.path("html").asText())
                        .append("\n       ").append(node.path("failureSummary").asText().replace("\n", "\n       "));
            }
            problems.add(problem.toString());
        }
        assertThat(problems).as("serious or critical accessibility violations on %s:%n%s", page, String.join("\n", problems))
                .isEmpty();
    }

    /**
     * Every field marked invalid names its error message in aria-describedby, and every error message on the page
     * is named by an invalid field: a screen reader reads the error when the field gets the focus.
     */
    static void assertErrorsAreTiedToTheirFields(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> untied = (List<String>) browser.script("""
                const problems = [];
                const describedBy = el => (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
                const controls = [...document.querySelectorAll('input, select, textarea')];
                for (const field of controls.filter(c => c.getAttribute('aria-invalid') === 'true')) {
                  const errors = describedBy(field).map(id => document.getElementById(id))
                      .filter(el => el && el.classList.contains('error') && el.textContent.trim());
                  if (!errors.length) problems.push('field ' + (field.id || field.name) + ' is invalid but names no error message');
                }
                for (const error of document.querySelectorAll('.error')) {
                  const tied = controls.some(c => c.getAttribute('aria-invalid') === 'true' && describedBy(c).includes(error.id));
                  if (!tied) problems.push('error "' + error.textContent.trim() + '" (#' + error.id + ') belongs to no invalid field');
                }
                return problems;
                """);
        assertThat(untied).as("errors tied to their fields").isEmpty();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            requireAxe();
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
