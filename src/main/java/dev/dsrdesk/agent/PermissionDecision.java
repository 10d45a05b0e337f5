package dev.dsrdesk.agent;

/** What an operator decided of the agent's signed permission, after the data subject confirmed the request. */
public enum PermissionDecision {
    ACCEPTED,
    REFUSED
}
