package dev.dsrdesk.fulfilment;

/** Which request and which entity an entity-fulfilment instance works for, and what it must do, from the desk's records. */
public record StepIdentity(String reference, String entityId, EntityAction action) {
}
