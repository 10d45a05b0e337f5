package dev.dsrdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every field the desk refuses a task without is marked required in its form, so Tasklist stops the person before
 * the server does; where the desk needs it only in some cases, the form hides it in the others (a hidden field is
 * not checked), and refusals name it by its label.
 */
class TaskFormsTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            triage-request         | decision          | Decision                        | askRequester = true
            triage-request         | rejectionReason   | Reasons for the rejection       | decision != "REJECT"
            triage-request         | question          | Question to the requester       | askRequester != true
            revise-response        | question          | Question to the requester       | askRequester != true
            identity-review        | identityEvidence  | Evidence checked                | askRequester = true
            identity-review        | refusalReason     | Why identity could not be established | identityVerified = true
            identity-review        | permissionRefusalReason | Why the permission is refused | permissionAccepted = true
            review-response        | reviewComment     | Review comment                  | approved = true
            revise-response        | revisionNote      | What was changed                | askRequester = true
            entity-step            | outcome           | Outcome                         | -
            entity-step            | records           | Records found                   | action = "EXPORT" and outcome = "DONE"
            entity-step            | actionTaken       | What was done                   | outcome = "DONE"
            entity-step            | valueBefore       | Before: what was recorded       | action = "RECTIFY" and outcome = "DONE"
            entity-step            | retentionReason   | Legal obligation that requires keeping it | retained = null
            confirm-automated-step | confirmation      | Decision                        | -
            confirm-automated-step | rectifyField      | Field to correct                | confirmation != "CONFIRM"
            """)
    void aFieldTheDeskRequiresIsMarkedRequiredAndShownOnlyWhenNeeded(String form, String key, String label, String hiddenWhen)
            throws Exception {
        JsonNode field = componentOf(form, key);

        assertThat(field.at("/validate/required").asBoolean()).as("%s is required in %s", key, form).isTrue();
        assertThat(TaskForms.deployed().byId(form).orElseThrow().label(key)).isEqualTo(label);
        if (hiddenWhen.equals("-")) {
            assertThat(field.has("conditional")).as("always shown").isFalse();
        } else {
            assertThat(field.at("/conditional/hide").asText()).contains(hiddenWhen);
        }
    }

    private JsonNode componentOf(String form, String key) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(form + ".form")) {
            for (JsonNode component : json.readTree(in).path("components")) {
                if (key.equals(component.path("key").asText())) {
                    return component;
                }
            }
        }
        throw new AssertionError(key + " is not a field of " + form);
    }
}
