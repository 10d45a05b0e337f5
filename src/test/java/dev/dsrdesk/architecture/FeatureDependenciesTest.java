package dev.dsrdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The desk is cut by feature, and the features form no cycle: each may use only the features below it in this
 * table, so a change to one never needs a change to those that use it. Features talk upwards through small
 * interfaces the lower one declares (e.g. {@code request.DueDates}, implemented by {@code deadline}) or Spring events.
 * A new dependency is a decision: add it here, where a reader of the architecture sees it.
 */
class FeatureDependenciesTest {

    private static final String ROOT = "dev.dsrdesk";

    /** Which features each feature may use; a feature missing here may use none. */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("audit", Set.of("export")),
            Map.entry("request", Set.of("audit")),
            Map.entry("process", Set.of("request")),
            Map.entry("agent", Set.of("audit", "request")),
            Map.entry("document", Set.of("audit", "process", "request")),
            Map.entry("notification", Set.of("agent", "audit", "decision", "language", "logging", "request")),
            Map.entry("reminder", Set.of("notification", "registry", "request")),
            Map.entry("security", Set.of("document", "notification", "process", "registry", "reminder")),
            Map.entry("deadline", Set.of("audit", "decision", "notification", "process", "registry", "request")),
            Map.entry("fulfilment", Set.of("audit", "deadline", "decision", "language", "process", "registry", "request")),
            Map.entry("response", Set.of("audit", "export", "fulfilment", "language", "notification", "registry", "request",
                    "security")),
            Map.entry("connector", Set.of("audit", "deadline", "fulfilment", "language", "logging", "notification", "process",
                    "registry", "request", "security")),
            Map.entry("intake", Set.of("agent", "audit", "document", "language", "process", "request", "security")),
            Map.entry("question", Set.of("audit", "deadline", "document", "notification", "process", "reminder", "request")),
            Map.entry("verification", Set.of("agent", "audit", "document", "language", "notification", "process", "question",
                    "request", "security")),
            Map.entry("triage", Set.of("audit", "deadline", "process", "question", "request")),
            Map.entry("review", Set.of("audit", "deadline", "fulfilment", "notification", "process", "question", "request")),
            Map.entry("withdrawal", Set.of("audit", "fulfilment", "notification", "process", "reminder", "request")),
            Map.entry("requestpage", Set.of("audit", "deadline", "document", "fulfilment", "language", "notification", "question", "request", "response",
                    "security", "withdrawal")),
            Map.entry("duplicate", Set.of("request")),
            Map.entry("suppression", Set.of("request")),
            Map.entry("tracking", Set.of("deadline", "fulfilment", "request")),
            Map.entry("dashboard", Set.of("export", "notification", "process", "registry", "request")),
            Map.entry("retention", Set.of("audit", "request")),
            Map.entry("report", Set.of("export", "registry", "request")));

    private static final JavaClasses DESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void noFeatureDependsOnItselfThroughOthers() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(DESK);
    }

    @Test
    void eachFeatureUsesOnlyTheFeaturesItMayUse() {
        Set<String> features = features();
        for (String feature : features) {
            Set<String> forbidden = new TreeSet<>(features);
            forbidden.remove(feature);
            forbidden.removeAll(MAY_USE.getOrDefault(feature, Set.of()));
            if (forbidden.isEmpty()) {
                continue;
            }
            noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.stream()
                            .map(other -> ROOT + "." + other + "..").toArray(String[]::new))
                    .because(feature + " may use only " + MAY_USE.getOrDefault(feature, Set.of()))
                    .check(DESK);
        }
    }

    @Test
    void theTableNamesOnlyFeaturesThatExist() {
        Set<String> named = new TreeSet<>(MAY_USE.keySet());
        MAY_USE.values().forEach(named::addAll);
        assertThat(features()).containsAll(named);
    }

    private static Set<String> features() {
        return DESK.stream().map(javaClass -> javaClass.getPackageName())
                .filter(name -> name.startsWith(ROOT + "."))
                .map(name -> name.substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
