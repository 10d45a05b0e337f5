package dev.dsrdesk.process.flow;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Where the engine went: every flow node started and every sequence flow taken, as {@code processKey/elementId}.
 * A parse listener gives each activity (boundary, start and end events, gateways and sub-processes included) a
 * start listener and each transition a take listener; history records no sequence flow, so it cannot tell which
 * of a gateway's flows were taken into a task with several incoming ones.
 */
final class Trail extends AbstractBpmnParseListener {

    private final Set<String> visited = ConcurrentHashMap.newKeySet();

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        for (ProcessDefinitionEntity definition : processDefinitions) {
            follow(definition, definition.getKey());
        }
    }

    private void follow(ScopeImpl scope, String processKey) {
        for (ActivityImpl activity : scope.getActivities()) {
            String activityId = activity.getId();
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                    (ExecutionListener) execution -> visited.add(processKey + "/" + activityId));
            for (PvmTransition outgoing : activity.getOutgoingTransitions()) {
                TransitionImpl transition = (TransitionImpl) outgoing;
                String flowId = transition.getId();
                transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE,
                        (ExecutionListener) execution -> visited.add(processKey + "/" + flowId));
            }
            follow(activity, processKey);
        }
    }

    /** The ids of the elements of one process passed since the last {@link #forget()}. */
    Set<String> visited(String processKey) {
        String prefix = processKey + "/";
        return visited.stream().filter(each -> each.startsWith(prefix)).map(each -> each.substring(prefix.length()))
                .collect(java.util.stream.Collectors.toSet());
    }

    void forget() {
        visited.clear();
    }
}
