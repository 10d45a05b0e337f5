package dev.dsrdesk.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.connector.PossibleMatch.PossibleMatchRef;
import dev.dsrdesk.process.TaskInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rows a search found only by an unverified identifier, as the step keeps them between the search and the action,
 * numbered for the entity's person, and which of them that person included.
 */
@Component
class PossibleMatches {

    private final ObjectMapper json;

    PossibleMatches(ObjectMapper json) {
        this.json = json;
    }

    String toJson(List<PossibleMatchRef> matches) {
        if (matches.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(matches);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("possible matches are plain values and always serialise", e);
        }
    }

    List<PossibleMatchRef> fromJson(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<List<PossibleMatchRef>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the step's possible matches cannot be read", e);
        }
    }

    /** For the entity's person: one numbered line per row, with what matched and the row's own email, masked. */
    static String describe(List<PossibleMatchRef> matches) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < matches.size(); i++) {
            PossibleMatchRef match = matches.get(i);
            text.append(i + 1).append(". ").append(match.storeName()).append(" / ").append(match.table())
                    .append(": matched only on the requester's ").append(match.matchedOn())
                    .append(" (not verified); this row's email is ").append(match.maskedEmail())
                    .append(match.includable() ? "" : " — cannot be included here (the table has no key): handle by hand")
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * The numbers a person typed ("1, 3"), each one of the listed, includable rows; anything else is refused with
     * a message naming the field. Blank includes none.
     */
    static Set<Integer> chosen(String typed, List<PossibleMatchRef> matches, String field) {
        Set<Integer> numbers = new LinkedHashSet<>();
        if (typed == null || typed.isBlank()) {
            return numbers;
        }
        for (String part : typed.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int number;
            try {
                number = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw TaskInput.refused(field, "Possible matches to include: give the numbers of the listed rows, e.g. 1, 3");
            }
            if (number < 1 || number > matches.size() || !matches.get(number - 1).includable()) {
                throw TaskInput.refused(field, "Possible matches to include: " + number + " is not one of the listed rows"
                        + " that can be included");
            }
            numbers.add(number);
        }
        return numbers;
    }

    static Set<Integer> parse(String stored) {
        Set<Integer> numbers = new LinkedHashSet<>();
        if (stored != null) {
            for (String part : stored.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    numbers.add(Integer.parseInt(part));
                }
            }
        }
        return numbers;
    }

    /** The included rows' keys, per store and table. */
    static Map<String, Map<String, List<String>>> keysByStoreAndTable(List<PossibleMatchRef> matches, Set<Integer> included) {
        Map<String, Map<String, List<String>>> keys = new LinkedHashMap<>();
        for (int number : included) {
            PossibleMatchRef match = matches.get(number - 1);
            keys.computeIfAbsent(match.storeId(), store -> new LinkedHashMap<>())
                    .computeIfAbsent(match.table(), table -> new ArrayList<>()).add(match.key());
        }
        return keys;
    }
}
