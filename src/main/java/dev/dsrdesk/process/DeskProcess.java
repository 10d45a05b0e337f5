package dev.dsrdesk.process;

/**
 * The names the diagrams and the Java code share: process keys and the few variables a process carries. Everything
 * else about a request (who asked, what each entity answered) lives in the desk's tables, found by the business key,
 * which is always the request's reference.
 */
public final class DeskProcess {

    /** A request's life, from receipt to answer (processes/data-subject-request.bpmn). */
    public static final String DATA_SUBJECT_REQUEST = "data-subject-request";
    /** One entity's step on a request (processes/entity-fulfilment.bpmn), bound to its entity_step row at its start. */
    public static final String ENTITY_FULFILMENT = "entity-fulfilment";

    /** A question to the requester and the wait for the answer (processes/requester-question.bpmn), called by a request. */
    public static final String REQUESTER_QUESTION = "requester-question";

    /** One queued mail delivered by a job of its own (processes/mail-delivery.bpmn); business key a reference, or "staff". */
    public static final String MAIL_DELIVERY = "mail-delivery";

    /** The right exercised (a {@code RequestType} name), read by the diagram's gateways. */
    public static final String REQUEST_TYPE = "requestType";
    /** How the request arrived (a {@code RequestChannel} name): a staff-entered one gets an identity review. */
    public static final String CHANNEL = "channel";
    /** The entity of one fulfilment step, set by the fan-out's multi-instance and read once, at the step's start. */
    public static final String ENTITY_ID = "entityId";

    private DeskProcess() {
    }
}
