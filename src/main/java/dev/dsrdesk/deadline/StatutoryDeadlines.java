package dev.dsrdesk.deadline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The statutory clocks of a request, from the decision statutory-deadlines and the desk's working calendar.
 * <p>
 * The table is a pure function of country, region and right, so its answer is kept per deployed version: the FEEL
 * evaluation and its decision history cost more than the rest of an intake together (issue 8's profile), while a
 * privacy officer's new version is picked up by the very next request because the version is part of the key.
 */
@Component
public class StatutoryDeadlines {

    static final String DECISION = "statutory-deadlines";
    private static final TypeReference<List<RegimeDeadline>> REGIMES = new TypeReference<>() { };
    /** Countries × regions × rights in real traffic stay far below this; it bounds what a prober can make us keep. */
    private static final int MOST_KEPT_ANSWERS = 5_000;

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final StatutoryCalendar calendar;
    private final ObjectMapper json;
    private final Map<Question, List<RegimeRule>> answers = new ConcurrentHashMap<>();

    private record Question(String decisionVersion, String country, String region, String requestType) {
    }

    StatutoryDeadlines(DecisionService decisions, RepositoryService repository, DeadlineSettings settings,
                       ObjectMapper json) {
        this.decisions = decisions;
        this.repository = repository;
        this.calendar = new StatutoryCalendar(new WorkingCalendar(new HashSet<>(settings.publicHolidays())));
        this.json = json;
    }

    public StatutoryDue due(String country, String region, String requestType, LocalDate clockStart) {
        return calendar.due(rules(country, region, requestType), clockStart);
    }

    public StatutoryDue extended(String country, String region, String requestType, LocalDate clockStart, int months) {
        return calendar.extended(rules(country, region, requestType), clockStart, months);
    }

    private List<RegimeRule> rules(String country, String region, String requestType) {
        String version = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion()
                .singleResult().getId();
        Question question = new Question(version, country, region, requestType);
        List<RegimeRule> known = answers.get(question);
        if (known != null) {
            return known;
        }
        if (answers.size() >= MOST_KEPT_ANSWERS || answers.keySet().stream().anyMatch(q -> !q.decisionVersion().equals(version))) {
            answers.clear();
        }
        List<RegimeRule> rules = decisions.evaluateDecisionById(version)
                .variables(Variables.createVariables()
                        .putValue("country", country)
                        .putValue("region", region)
                        .putValue("requestType", requestType))
                .evaluate()
                .getResultList().stream()
                .map(StatutoryDeadlines::rule)
                .toList();
        answers.put(question, rules);
        return rules;
    }

    public String toJson(List<RegimeDeadline> regimes) {
        try {
            return json.writeValueAsString(regimes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("regime deadlines are plain values", e);
        }
    }

    public List<RegimeDeadline> fromJson(String regimes) {
        if (regimes == null) {
            return List.of();
        }
        try {
            return json.readValue(regimes, REGIMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("data_subject_request.regimes holds JSON written by the desk", e);
        }
    }

    static RegimeRule rule(Map<String, Object> entry) {
        String extension = (String) entry.get("maxExtension");
        Number confirm = (Number) entry.get("confirmWithinBusinessDays");
        return new RegimeRule((String) entry.get("regime"), Period.parse((String) entry.get("answerPeriod")),
                Boolean.TRUE.equals(entry.get("endsOnWorkingDay")), confirm == null ? null : confirm.intValue(),
                extension == null || extension.isBlank() ? null : Period.parse(extension), (String) entry.get("basis"));
    }
}
