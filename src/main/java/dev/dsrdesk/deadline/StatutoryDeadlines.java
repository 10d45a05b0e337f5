package dev.dsrdesk.deadline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.decision.DecisionTables;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The statutory clocks of a request, from the decision statutory-deadlines, each in the calendar the table names. */
@Component
public class StatutoryDeadlines {

    static final String DECISION = "statutory-deadlines";
    private static final TypeReference<List<RegimeDeadline>> REGIMES = new TypeReference<>() { };

    private final DecisionTables tables;
    private final StatutoryCalendar calendar;
    private final ObjectMapper json;

    StatutoryDeadlines(DecisionTables tables, DeadlineCalendars calendars, ObjectMapper json) {
        this.tables = tables;
        this.calendar = new StatutoryCalendar(calendars);
        this.json = json;
    }

    /** The dates of a request received on {@code receivedOn}. */
    public StatutoryDue due(String country, String region, String requestType, LocalDate receivedOn) {
        return due(country, region, requestType, DueDateReasoning.Start.receipt(receivedOn));
    }

    public StatutoryDue due(String country, String region, String requestType, DueDateReasoning.Start clockStart) {
        return calendar.due(rules(country, region, requestType), clockStart);
    }

    public StatutoryDue extended(String country, String region, String requestType, DueDateReasoning.Start clockStart,
                                 int months, LocalDate extendedOn) {
        return calendar.extended(rules(country, region, requestType), clockStart, months, extendedOn);
    }

    List<RegimeRule> rules(String country, String region, String requestType) {
        Map<String, Object> question = new HashMap<>();
        question.put("country", country);
        question.put("region", region);
        question.put("requestType", requestType);
        return tables.ask(DECISION, question).stream().map(StatutoryDeadlines::rule).toList();
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

    /** The regime whose date decides: the one that falls on the request's date (the earliest, or the extended one). */
    public Optional<RegimeDeadline> deciding(String regimes, LocalDate dueDate) {
        return fromJson(regimes).stream().filter(regime -> regime.dueDate().equals(dueDate)).findFirst();
    }

    static RegimeRule rule(Map<String, Object> entry) {
        String extension = (String) entry.get("maxExtension");
        String period = (String) entry.get("answerPeriod");
        Number businessDays = (Number) entry.get("answerWithinBusinessDays");
        Number confirm = (Number) entry.get("confirmWithinBusinessDays");
        return new RegimeRule((String) entry.get("regime"), period == null || period.isBlank() ? null : Period.parse(period),
                businessDays == null ? null : businessDays.intValue(),
                Boolean.TRUE.equals(entry.get("endsOnWorkingDay")), confirm == null ? null : confirm.intValue(),
                extension == null || extension.isBlank() ? null : Period.parse(extension), (String) entry.get("calendar"),
                Boolean.TRUE.equals(entry.get("runsFromReceipt")), (String) entry.get("basis"));
    }
}
