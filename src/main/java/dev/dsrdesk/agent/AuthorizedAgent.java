package dev.dsrdesk.agent;

/**
 * Someone who made a request on the data subject's behalf (an authorized agent, CCPA regulations § 7063), and what an
 * operator decided of their permission (null until then). Personal data: it lives in the desk's table only.
 */
public record AuthorizedAgent(String name, String email, String organisation, PermissionDecision permission) {

    public boolean permissionRefused() {
        return permission == PermissionDecision.REFUSED;
    }
}
