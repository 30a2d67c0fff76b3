package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import java.util.List;

/**
 * The authorization endpoint's rules in the order they are judged, once {@link ClientCheck} and
 * {@link RedirectUriCheck} have passed. Read top to bottom, this list is the specification of the endpoint;
 * the first broken rule is the error returned to the client.
 */
public final class AuthorizationChecks {

    private final List<AuthorizationCheck> checks;

    public AuthorizationChecks(boolean pkcePlainAllowed) {
        this.checks = List.of(
                new DuplicateParameterCheck(),      // RFC 6749 3.1
                new ResponseTypeCheck(),            // RFC 6749 3.1.1, 4.1.2.1
                new ResponseModeCheck(),            // Multiple Response Types 2.1, Form Post Response Mode
                new ScopeCheck(),                   // RFC 6749 3.3
                new OpenIdScopeCheck(),             // OIDC Core 3.2.2.1, 3.3.2.1
                new NonceCheck(),                   // OIDC Core 3.2.2.1, 3.3.2.11
                new PromptCheck(),                  // OIDC Core 3.1.2.1
                new MaxAgeCheck(),                  // OIDC Core 3.1.2.1
                new ClaimsParameterCheck(),         // OIDC Core 5.5
                new DpopJktCheck(),                 // RFC 9449 10
                new PkceCheck(pkcePlainAllowed));   // RFC 7636 4.3, 4.4.1; RFC 9700 2.1.1
    }

    public List<AuthorizationCheck> checks() {
        return checks;
    }

    /** Runs every check; the first that fails throws. */
    public void verify(AuthorizationRequest request, ClientEntity client) {
        for (AuthorizationCheck check : checks) {
            check.check(request, client);
        }
    }
}
