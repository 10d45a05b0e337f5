package dev.dsrdesk.agent;

/** Who acts for the data subject, as they told us; already validated. The address is the agent's own, never verified. */
public record AgentDetails(String name, String email, String organisation) {
}
