package dev.dsrdesk.notification;

import dev.dsrdesk.decision.DecisionTables;
import dev.dsrdesk.language.TranslatedOutputs;
import dev.dsrdesk.request.DataSubjectRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Where the requester can complain, by where they live (processes/complaint-authority.dmn). */
@Component
public class ComplaintAuthorities {

    private final DecisionTables tables;

    ComplaintAuthorities(DecisionTables tables) {
        this.tables = tables;
    }

    public ComplaintAuthority forRequester(DataSubjectRequest request) {
        Map<String, Object> question = new HashMap<>();
        question.put("country", request.getCountry());
        question.put("region", request.getRegion());
        Map<String, Object> result = tables.askOne("complaint-authority", question);
        String language = request.getLanguage();
        return new ComplaintAuthority(TranslatedOutputs.in(result, "authority", language), (String) result.get("contact"),
                TranslatedOutputs.in(result, "basis", language));
    }

    /** An authority, how to reach it, and the law that gives the right. */
    public record ComplaintAuthority(String name, String contact, String basis) {
    }
}
