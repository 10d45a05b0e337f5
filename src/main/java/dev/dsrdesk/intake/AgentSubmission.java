package dev.dsrdesk.intake;

import dev.dsrdesk.agent.AgentDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who makes the request on the data subject's behalf, as they typed it: trimmed, blank fields absent. All absent means
 * the data subject asks for themselves; any given means an agent asks, and then {@link AgentIsComplete} wants the
 * name, the address and the permission.
 */
@Schema(description = "Only for a request made on the data subject's behalf (an authorized agent, CCPA regulations "
        + "§ 7063). The other fields are then the data subject's own: the desk confirms the request with them at their "
        + "address and sends the answer only to them; the agent receives status mail only. Name, email and permission are "
        + "required when any agent field is given.")
public class AgentSubmission {

    @Size(max = 200, message = "{intake.tooLong}")
    @Pattern(regexp = RequestSubmission.SINGLE_LINE, message = "{intake.singleLine}")
    @Schema(description = "The agent's name, one line", example = "Paolo Bianchi", maxLength = 200)
    private String name;

    @Size(max = 254, message = "{intake.tooLong}")
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{intake.email}")
    @Pattern(regexp = RequestSubmission.SINGLE_LINE, message = "{intake.singleLine}")
    @Schema(description = "The agent's own address, for status mail; not the data subject's", example = "paolo@agents.example",
            maxLength = 254)
    private String email;

    @Size(max = 200, message = "{intake.tooLong}")
    @Pattern(regexp = RequestSubmission.SINGLE_LINE, message = "{intake.singleLine}")
    @Schema(description = "Optional: the organisation the agent acts for (a business registered to act as one)",
            example = "Privacy Agents Inc.", maxLength = 200)
    private String organisation;

    @AcceptableDocument
    private PermissionDocument permission;

    /** No agent field given: the data subject asks for themselves. */
    boolean isEmpty() {
        return name == null && email == null && organisation == null && permission == null;
    }

    AgentDetails details() {
        return new AgentDetails(name, email, organisation);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = RequestSubmission.clean(name); }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = RequestSubmission.clean(email); }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = RequestSubmission.clean(organisation); }
    public PermissionDocument getPermission() { return permission; }
    public void setPermission(PermissionDocument permission) { this.permission = permission; }
}
