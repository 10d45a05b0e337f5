package dev.dsrdesk.process.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every BPMN file of {@code processes/} has its engine-only test class here: a {@link DiagramTest} naming it in
 * {@link Diagram}, whose last test fails when the diagram has a flow node or sequence flow none of its tests passes.
 */
class EveryDiagramIsTestedTest {

    @Test
    void everyDiagramInProcessesHasAnEngineOnlyTestThatPassesEachOfItsElements() throws IOException {
        Set<String> diagrams;
        try (Stream<Path> files = Files.list(DiagramEngine.PROCESSES)) {
            diagrams = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bpmn"))
                    .collect(Collectors.toSet());
        }
        Map<String, Class<?>> tests = classesOfThisPackage().stream().filter(type -> type.isAnnotationPresent(Diagram.class))
                .collect(Collectors.toMap(type -> type.getAnnotation(Diagram.class).value(), type -> type));

        assertThat(diagrams).isNotEmpty();
        assertThat(tests.keySet()).as("diagrams with an engine-only test class").containsAll(diagrams);
        assertThat(tests.values()).as("each checks that its tests pass every element")
                .allMatch(DiagramTest.class::isAssignableFrom);
    }

    /** The top-level classes compiled into this package's directory of test classes. */
    private List<Class<?>> classesOfThisPackage() throws IOException {
        String packageName = getClass().getPackageName();
        Path directory;
        try {
            directory = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(packageName.replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (String name : files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$")).toList()) {
                try {
                    classes.add(Class.forName(packageName + "." + name.substring(0, name.length() - ".class".length())));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return classes;
    }
}
