package dev.dsrdesk.decision;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the desk's decision tables, keeping each answer per deployed version of the table.
 * <p>
 * The tables (statutory deadlines, entity routing, complaint authority) are pure functions of inputs drawn from
 * small sets: countries, rights, the entities of the registry. Evaluating them was the largest single cost of an
 * intake and of routing (issue 8's profile: FEEL parses every cell on every evaluation, and each evaluation writes
 * its decision history). A privacy officer's new version applies to the very next question, because the version
 * is part of the key; the answers' own record is kept by the desk (regimes on the request, reasons on each step).
 */
@Component
public class DecisionTables {

    /** Real questions stay far below this; it bounds what unusual input can make the desk keep. */
    private static final int MOST_KEPT_ANSWERS = 10_000;

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final Map<Question, List<Map<String, Object>>> answers = new ConcurrentHashMap<>();

    private record Question(String decisionVersion, Map<String, Object> inputs) {
    }

    DecisionTables(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** Every matching rule's outputs (empty cells left out), in the table's order; inputs may be null. */
    public List<Map<String, Object>> ask(String decisionKey, Map<String, Object> inputs) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("decision table " + decisionKey + " is not deployed");
        }
        Question question = new Question(latest.getId(), Collections.unmodifiableMap(new HashMap<>(inputs)));
        List<Map<String, Object>> known = answers.get(question);
        if (known != null) {
            return known;
        }
        if (answers.size() >= MOST_KEPT_ANSWERS) {
            answers.clear();
        }
        // drop what older versions of this table answered
        answers.keySet().removeIf(kept -> kept.decisionVersion().startsWith(decisionKey + ":")
                && !kept.decisionVersion().equals(latest.getId()));
        List<Map<String, Object>> result = decisions.evaluateDecisionById(latest.getId())
                .variables(Variables.fromMap(question.inputs()))
                .evaluate()
                .getResultList().stream()
                .map(DecisionTables::withoutNulls)
                .toList();
        answers.put(question, result);
        return result;
    }

    /** The single matching rule's outputs (tables with hit policy FIRST or UNIQUE). */
    public Map<String, Object> askOne(String decisionKey, Map<String, Object> inputs) {
        List<Map<String, Object>> result = ask(decisionKey, inputs);
        if (result.isEmpty()) {
            throw new IllegalStateException("decision table " + decisionKey + " has no rule for " + inputs.keySet());
        }
        return result.get(0);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> entries) {
        Map<String, Object> copy = new LinkedHashMap<>();
        entries.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
