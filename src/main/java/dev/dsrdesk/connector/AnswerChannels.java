package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.EntityStepInstances;
import dev.dsrdesk.fulfilment.StepIdentity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The entity step's one question, "How does the entity answer?": through its own databases where all of them can do
 * the action, else through its API, else by mail to its privacy contact, else a person of the entity in Tasklist.
 * One answer per step, in that order, so that an entity configured with more than one channel still takes exactly
 * one path; asked of the step's own record, never of a variable.
 */
@Component
public class AnswerChannels {

    /** The answers the diagram's gateway names, one flow each ({@code PERSON} is its default flow). */
    public enum AnswerChannel {
        DATABASES,
        API,
        MAIL,
        PERSON
    }

    private final EntityStepInstances instances;
    private final AutomatedSteps databases;
    private final EntityApiSteps apis;
    private final ProcessorMailSteps mail;

    AnswerChannels(EntityStepInstances instances, AutomatedSteps databases, EntityApiSteps apis, ProcessorMailSteps mail) {
        this.instances = instances;
        this.databases = databases;
        this.apis = apis;
        this.mail = mail;
    }

    /** The channel's name, as the gateway's conditions compare it. */
    public String of(DelegateExecution execution) {
        StepIdentity step = instances.of(execution);
        return channel(step.entityId(), step.action().name()).name();
    }

    AnswerChannel channel(String entityId, String action) {
        if (databases.automates(entityId, action)) {
            return AnswerChannel.DATABASES;
        }
        if (apis.answers(entityId, action)) {
            return AnswerChannel.API;
        }
        if (mail.answers(entityId, action)) {
            return AnswerChannel.MAIL;
        }
        return AnswerChannel.PERSON;
    }
}
