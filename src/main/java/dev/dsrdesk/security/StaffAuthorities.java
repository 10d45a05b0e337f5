package dev.dsrdesk.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What a Camunda user may do on the desk: each of the engine's groups for that user becomes an authority
 * GROUP_&lt;id&gt;. Read from the engine at every sign-in, whichever way the user signed in, so a user removed or
 * moved to another group is refused at once.
 */
@Component
class StaffAuthorities {

    private final IdentityService identity;

    StaffAuthorities(IdentityService identity) {
        this.identity = identity;
    }

    /** The user's authorities, or empty when the engine has no such user (any more). */
    Optional<List<GrantedAuthority>> of(String userId) {
        if (userId == null || identity.createUserQuery().userId(userId).count() != 1) {
            return Optional.empty();
        }
        return Optional.of(identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority("GROUP_" + group))
                .toList());
    }
}
