package dev.dsrdesk.notification;

import dev.dsrdesk.language.TranslatedOutputs;
import dev.dsrdesk.request.DataSubjectRequest;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Where the requester can complain, by where they live (processes/complaint-authority.dmn). */
@Component
public class ComplaintAuthorities {

    private final DecisionService decisions;

    ComplaintAuthorities(DecisionService decisions) {
        this.decisions = decisions;
    }

    public ComplaintAuthority forRequester(DataSubjectRequest request) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey("complaint-authority")
                .variables(Variables.createVariables()
                        .putValue("country", request.getCountry())
                        .putValue("region", request.getRegion()))
                .evaluate()
                .getSingleResult();
        String language = request.getLanguage();
        return new ComplaintAuthority(TranslatedOutputs.in(result, "authority", language), result.getEntry("contact"),
                TranslatedOutputs.in(result, "basis", language));
    }

    /** An authority, how to reach it, and the law that gives the right. */
    public record ComplaintAuthority(String name, String contact, String basis) {
    }
}
