package dev.dsrdesk.security;

/** The staff groups of the contract; entity groups come from the registry. */
final class DeskGroups {

    static final String DPO = "dpo";
    static final String MANAGERS = "managers";

    private DeskGroups() {
    }
}
