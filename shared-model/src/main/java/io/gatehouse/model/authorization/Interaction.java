package io.gatehouse.model.authorization;

import java.util.List;

/**
 * What the user must do before the response is issued, and the scopes that will be granted.
 *
 * @param next   LOGIN, CONSENT, or NONE (issue the response now)
 * @param scopes the scopes of the grant: the requested ones, less offline_access where OIDC Core 11 ignores it
 */
public record Interaction(Step next, List<String> scopes) {

    public enum Step { LOGIN, CONSENT, NONE }

    public Interaction {
        scopes = List.copyOf(scopes);
    }
}
