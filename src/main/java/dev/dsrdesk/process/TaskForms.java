package dev.dsrdesk.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The fields of every task form the desk deploys (processes/*.form), read once: what a person may answer on a task
 * is exactly what its form lets them type. Disabled fields only show what the desk put on the task.
 */
@Component
public class TaskForms {

    private final Map<String, FormFields> byId = new HashMap<>();

    TaskForms(ObjectMapper json) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Set<String> editable = new LinkedHashSet<>();
                    Set<String> shown = new LinkedHashSet<>();
                    collect(form.path("components"), editable, shown);
                    byId.put(form.path("id").asText(), new FormFields(Set.copyOf(editable), Set.copyOf(shown)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the deployed task forms cannot be read", e);
        }
    }

    /** The form with this id (the id inside the form's JSON, as a task's formRef names it). */
    public Optional<FormFields> byId(String formId) {
        return Optional.ofNullable(formId).map(byId::get);
    }

    private static void collect(JsonNode components, Set<String> editable, Set<String> shown) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                boolean readOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
                (readOnly ? shown : editable).add(component.get("key").asText());
            }
            collect(component.path("components"), editable, shown);
        }
    }

    /** What a form lets a person type, and what it only shows. */
    public record FormFields(Set<String> editable, Set<String> shown) {

        public static final FormFields NONE = new FormFields(Set.of(), Set.of());
    }
}
