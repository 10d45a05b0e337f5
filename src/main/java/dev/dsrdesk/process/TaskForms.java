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

/**
 * The fields of every task form the desk deploys (processes/*.form), read once: what a person may answer on a task
 * is exactly what its form lets them type, and a refusal names a field by the label the person sees. Disabled
 * fields only show what the desk put on the task.
 */
public final class TaskForms {

    private static final TaskForms DEPLOYED = new TaskForms(new ObjectMapper());

    private final Map<String, FormFields> byId = new HashMap<>();

    /** The forms on the class path, which are the ones the desk deploys. */
    public static TaskForms deployed() {
        return DEPLOYED;
    }

    private TaskForms(ObjectMapper json) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Set<String> editable = new LinkedHashSet<>();
                    Set<String> shown = new LinkedHashSet<>();
                    Map<String, String> labels = new HashMap<>();
                    collect(form.path("components"), editable, shown, labels);
                    byId.put(form.path("id").asText(), new FormFields(Set.copyOf(editable), Set.copyOf(shown), Map.copyOf(labels)));
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

    private static void collect(JsonNode components, Set<String> editable, Set<String> shown, Map<String, String> labels) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                String key = component.get("key").asText();
                boolean readOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
                (readOnly ? shown : editable).add(key);
                if (component.hasNonNull("label")) {
                    // "Reasons for the rejection (sent to the requester)" is named "Reasons for the rejection"
                    labels.put(key, component.get("label").asText().replaceAll("\\s*\\(.*$", "").strip());
                }
            }
            collect(component.path("components"), editable, shown, labels);
        }
    }

    /** What a form lets a person type, what it only shows, and the words it shows for each field. */
    public record FormFields(Set<String> editable, Set<String> shown, Map<String, String> labels) {

        public static final FormFields NONE = new FormFields(Set.of(), Set.of(), Map.of());

        /** The field's label, or its name where the form has none. */
        public String label(String key) {
            return labels.getOrDefault(key, key);
        }
    }
}
