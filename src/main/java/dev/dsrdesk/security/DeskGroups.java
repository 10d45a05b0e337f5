package dev.dsrdesk.security;

/** The staff groups of the contract; entity groups come from the registry. */
final class DeskGroups {

    static final String DPO = "dpo";
    static final String MANAGERS = "managers";
    /** Camunda's administrators (Groups.CAMUNDA_ADMIN), who run the Admin webapp. */
    static final String ADMINISTRATORS = "camunda-admin";

    private DeskGroups() {
    }
}
