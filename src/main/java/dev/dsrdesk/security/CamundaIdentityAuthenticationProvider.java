package dev.dsrdesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Checks API credentials against the Camunda users; their groups become authorities ({@link StaffAuthorities}). */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final StaffAuthorities authorities;

    CamundaIdentityAuthenticationProvider(IdentityService identity, StaffAuthorities authorities) {
        this.identity = identity;
        this.authorities = authorities;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || !(password instanceof String secret) || !identity.checkPassword(user, secret)) {
            throw new BadCredentialsException("Bad credentials");
        }
        return authorities.of(user)
                .map(granted -> UsernamePasswordAuthenticationToken.authenticated(user, null, granted))
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
