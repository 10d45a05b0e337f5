package dev.dsrdesk.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.fulfilment.EntityStepAnswers;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequesterIdentifier;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.LinkRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The form behind the link mailed to a processor's privacy contact: whom and what it is about, and what the
 * processor did. Records for an access request are given one per line as "category | field | value".
 */
@Controller
class ProcessorAnswerController {

    private static final int MAX_TEXT = 4000;

    private final ConnectorCallbacks callbacks;
    private final DataStores stores;
    private final EntityStepAnswers answers;
    private final Requests requests;
    private final EntityRegistry registry;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Clock clock;

    ProcessorAnswerController(ConnectorCallbacks callbacks, DataStores stores, EntityStepAnswers answers,
                              Requests requests, EntityRegistry registry, RuntimeService runtime, ObjectMapper json, Clock clock) {
        this.callbacks = callbacks;
        this.stores = stores;
        this.answers = answers;
        this.requests = requests;
        this.registry = registry;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/processor-answer")
    @Transactional(readOnly = true)
    public String form(@RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        ConnectorCallbacks.Waiting waiting = callbacks.waiting(token, clock.instant()).orElse(null);
        if (waiting == null) {
            response.setStatus(LinkRefusal.status(token));
            return "processor-answer-invalid";
        }
        show(model, waiting, token);
        return "processor-answer";
    }

    @PostMapping("/processor-answer")
    @Transactional
    public String answer(@RequestParam(name = "token", required = false) String token,
                         @RequestParam(name = "outcome", required = false) String outcome,
                         @RequestParam(name = "actionTaken", required = false) String actionTaken,
                         @RequestParam(name = "records", required = false) String records,
                         Model model, HttpServletResponse response) {
        Instant now = clock.instant();
        ConnectorCallbacks.Waiting waiting = callbacks.waiting(token, now).orElse(null);
        if (waiting == null) {
            response.setStatus(LinkRefusal.status(token));
            return "processor-answer-invalid";
        }
        DataStore store = stores.byId(waiting.storeId()).orElseThrow();
        EntityAction action = answers.actionOf(waiting.reference(), waiting.entityId());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", outcome);
        answer.put("actionTaken", blankToNull(actionTaken));
        ApiAnswer parsed;
        try {
            answer.put("records", action == EntityAction.EXPORT && "DONE".equals(outcome) ? lines(records, store) : List.of());
            if (action != EntityAction.EXPORT && "DONE".equals(outcome) && blankToNull(actionTaken) == null) {
                throw new ApiAnswer.Refused("say what you did");
            }
            if (action == EntityAction.EXPORT && "DONE".equals(outcome) && ((List<?>) answer.get("records")).isEmpty()) {
                throw new ApiAnswer.Refused("list the data you hold, one line each, or answer that you hold none");
            }
            parsed = ApiAnswer.parse(json.writeValueAsString(answer), json);
        } catch (ApiAnswer.Refused | com.fasterxml.jackson.core.JsonProcessingException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "Please check your answer: " + e.getMessage() + ".");
            model.addAttribute("records", records);
            model.addAttribute("actionTaken", actionTaken);
            show(model, waiting, token);
            return "processor-answer";
        }
        try {
            answers.record(waiting.reference(), waiting.entityId(), parsed.status(), null, parsed.records(),
                    dev.dsrdesk.fulfilment.ActionReport.taken(parsed.actionTaken()), "email:" + store.id());
            runtime.createMessageCorrelation(ProcessorMailSteps.REPLIED).processInstanceId(waiting.processInstanceId()).correlate();
        } catch (MismatchingMessageCorrelationException stepMovedOn) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            response.setStatus(HttpStatus.CONFLICT.value());
            return "processor-answer-invalid";
        }
        callbacks.answered(waiting, now);
        model.addAttribute("reference", waiting.reference());
        return "processor-answer-done";
    }

    private void show(Model model, ConnectorCallbacks.Waiting waiting, String token) {
        DataSubjectRequest request = requests.byReference(waiting.reference());
        EntityAction action = answers.actionOf(waiting.reference(), waiting.entityId());
        model.addAttribute("token", token);
        model.addAttribute("reference", waiting.reference());
        model.addAttribute("entityName", registry.byId(waiting.entityId()).name());
        model.addAttribute("identifiers", request.identifiers().stream().filter(RequesterIdentifier::verified)
                .map(RequesterIdentifier::forStaff).toList());
        model.addAttribute("export", action == EntityAction.EXPORT);
        model.addAttribute("action", action.name());
    }

    /** "category | field | value" per line; the source is the processor itself. */
    private static List<Map<String, String>> lines(String text, DataStore store) {
        List<Map<String, String>> records = new ArrayList<>();
        if (text == null) {
            return records;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split("\\|", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new ApiAnswer.Refused("line " + (i + 1) + " must read \"category | field | value\"");
            }
            if (parts[2].length() > MAX_TEXT) {
                throw new ApiAnswer.Refused("line " + (i + 1) + " is longer than " + MAX_TEXT + " characters");
            }
            records.add(Map.of("category", parts[0].strip(), "field", parts[1].strip(), "value", parts[2].strip(),
                    "source", store.name()));
        }
        return records;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
