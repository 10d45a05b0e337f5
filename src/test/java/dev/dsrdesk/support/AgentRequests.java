package dev.dsrdesk.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of POST /api/requests for a request an agent makes: the data subject Ada Lovelace in California. */
public final class AgentRequests {

    private AgentRequests() {
    }

    /** With a signed permission (a small PDF, "permission.pdf"); the maps may be changed to break a field. */
    public static Map<String, Object> json(String type, String subject, String agentEmail, String agentName,
                                           String organisation) {
        Map<String, Object> permission = new LinkedHashMap<>();
        permission.put("fileName", "permission.pdf");
        permission.put("content", SampleFiles.base64(SampleFiles.pdf()));
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("name", agentName);
        agent.put("email", agentEmail);
        agent.put("organisation", organisation);
        agent.put("permission", permission);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("fullName", "Ada Lovelace");
        body.put("email", subject);
        body.put("country", "US");
        body.put("region", "US-CA");
        body.put("agent", agent);
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> agentOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("agent");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> permissionOf(Map<String, Object> body) {
        return (Map<String, Object>) agentOf(body).get("permission");
    }
}
