package dev.dsrdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** A refusal names the authority the requester can complain to, by where they live. */
@DeskTest
class ComplaintAuthorityTest {

    @Autowired DeskDriver desk;

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            IT | -     | Garante per la protezione dei dati personali     | GDPR Art. 77
            BR | BR-SP | Autoridade Nacional de Proteção de Dados (ANPD)  | LGPD Art. 18
            US | US-CA | California Privacy Protection Agency             | CCPA
            US | US-NY | supervisory authority of the country where you live or work | GDPR Art. 77
            DE | -     | supervisory authority of the country where you live or work | GDPR Art. 77
            """)
    void aRejectionNamesTheAuthorityOfTheRequestersResidence(String country, String region, String authority, String law) {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.submit("ACCESS", email, country, region);
        desk.runJobs(request.getReference());
        desk.verify(email);
        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"),
                Map.of("decision", "REJECT", "rejectionReason", "The request repeats one answered last week."));
        desk.runJobs(request.getReference());

        assertThat(desk.lastMailTo(email, "cannot be fulfilled")).contains(authority).contains(law)
                .contains("judicial remedy");
    }
}
