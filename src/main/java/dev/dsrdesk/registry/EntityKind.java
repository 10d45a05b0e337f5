package dev.dsrdesk.registry;

/** Whether an entity is part of the group or a third party processing data under contract. */
public enum EntityKind {
    AFFILIATE("affiliate"),
    PROCESSOR("processor");

    private final String groupPrefix;

    EntityKind(String groupPrefix) {
        this.groupPrefix = groupPrefix;
    }

    String groupPrefix() {
        return groupPrefix;
    }
}
