package dev.dsrdesk.process.flow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The file of {@code processes/} whose every flow node and sequence flow a {@link DiagramTest} class must pass
 * ({@link DiagramTest#everyFlowNodeAndSequenceFlowOfTheDiagramIsPassed()}); {@link EveryDiagramIsTestedTest} checks
 * that every BPMN file has such a class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Diagram {

    /** A file name in {@code processes/}, e.g. {@code "mail-delivery.bpmn"}. */
    String value();
}
