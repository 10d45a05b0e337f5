package dev.dsrdesk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routing table as a privacy officer reads it, evaluated directly: every request type against
 * entities shaped like the policy's (an affiliate holding contact data used for marketing, one holding
 * contact data only, the analytics processor with cookies and navigation data, an entity holding nothing).
 */
class EntityRoutingTableTest {

    private static final Map<String, Profile> PROFILES = Map.of(
            "marketing-affiliate", new Profile("AFFILIATE", List.of("CONTACT_INFORMATION", "COOKIES"), List.of("SERVICE_PROVISION", "DIRECT_MARKETING")),
            "support-affiliate", new Profile("AFFILIATE", List.of("CONTACT_INFORMATION"), List.of("CUSTOMER_SUPPORT")),
            "analytics-processor", new Profile("PROCESSOR", List.of("COOKIES", "WEB_NAVIGATION"), List.of("ANALYTICS")),
            "empty-processor", new Profile("PROCESSOR", List.of(), List.of()));

    private static DmnEngine engine;
    private static DmnDecision routing;

    @BeforeAll
    static void parseTheTable() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = EntityRoutingTableTest.class.getResourceAsStream("/entity-routing.dmn")) {
            routing = engine.parseDecision("entity-routing", table);
        }
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ACCESS           | marketing-affiliate | EXPORT
            ACCESS           | support-affiliate   | EXPORT
            ACCESS           | analytics-processor | EXPORT
            ACCESS           | empty-processor     | -
            RECTIFICATION    | marketing-affiliate | RECTIFY
            RECTIFICATION    | support-affiliate   | RECTIFY
            RECTIFICATION    | analytics-processor | -
            RECTIFICATION    | empty-processor     | -
            ERASURE          | marketing-affiliate | ERASE
            ERASURE          | support-affiliate   | ERASE
            ERASURE          | analytics-processor | ERASE
            ERASURE          | empty-processor     | -
            RESTRICTION      | marketing-affiliate | RESTRICT
            RESTRICTION      | support-affiliate   | RESTRICT
            RESTRICTION      | analytics-processor | RESTRICT
            RESTRICTION      | empty-processor     | -
            PORTABILITY      | marketing-affiliate | EXPORT
            PORTABILITY      | support-affiliate   | EXPORT
            PORTABILITY      | analytics-processor | -
            PORTABILITY      | empty-processor     | -
            OBJECTION        | marketing-affiliate | STOP_DIRECT_MARKETING
            OBJECTION        | support-affiliate   | -
            OBJECTION        | analytics-processor | STOP_PROCESSING
            OBJECTION        | empty-processor     | -
            WITHDRAW_CONSENT | marketing-affiliate | RECORD_CONSENT_WITHDRAWAL
            WITHDRAW_CONSENT | support-affiliate   | RECORD_CONSENT_WITHDRAWAL
            WITHDRAW_CONSENT | analytics-processor | RECORD_CONSENT_WITHDRAWAL
            WITHDRAW_CONSENT | empty-processor     | -
            """)
    void decidesInvolvementAndActionFromKindCategoriesAndPurposes(String type, String profile, String expectedAction) {
        Profile entity = PROFILES.get(profile);
        DmnDecisionResultEntries result = engine.evaluateDecision(routing, Map.of(
                "requestType", type,
                "entityKind", entity.kind(),
                "dataCategories", entity.dataCategories(),
                "purposes", entity.purposes())).getSingleResult();

        boolean involved = !expectedAction.equals("-");
        assertThat((Boolean) result.getEntry("involved")).isEqualTo(involved);
        if (involved) {
            assertThat((String) result.getEntry("action")).isEqualTo(expectedAction);
        }
        assertThat((String) result.getEntry("reason")).as("the requester is told why").isNotBlank();
        assertThat((String) result.getEntry("reasonIt")).as("in Italian").isNotBlank()
                .isNotEqualTo(result.getEntry("reason"));
        assertThat((String) result.getEntry("reasonPtBr")).as("in Brazilian Portuguese").isNotBlank()
                .isNotEqualTo(result.getEntry("reason"));
    }

    record Profile(String kind, List<String> dataCategories, List<String> purposes) {
    }
}
