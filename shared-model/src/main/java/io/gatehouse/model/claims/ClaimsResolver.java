package io.gatehouse.model.claims;

import io.gatehouse.model.entity.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one entry point for user claims: the authorization and token endpoints call it for the ID token, the
 * userinfo endpoint for its response. The same mapping serves both, and {@code sub} is the user id in both.
 */
@ApplicationScoped
public class ClaimsResolver {

    /** Attribute under which {@link #resolve(UserEntity, Collection, ClaimsRequest, boolean)} offers users.updated_at. */
    public static final String UPDATED_AT_ATTRIBUTE = "updatedAt";

    @Inject
    ClaimMappingSource mappings;

    /**
     * Claims of a user of the PostgreSQL store. users.updated_at is offered as attribute {@code updatedAt} unless
     * the attributes carry one.
     */
    public ReleasedClaims resolve(UserEntity user, Collection<String> scopes, ClaimsRequest request, boolean accessTokenIssued) {
        return resolve(user, user.id.toString(), scopes, request, accessTokenIssued);
    }

    /**
     * As {@link #resolve(UserEntity, Collection, ClaimsRequest, boolean)} with the {@code sub} the client sees
     * ({@code SubjectIdentifiers}: pairwise clients get their sector's value, OIDC Core 8.1).
     */
    public ReleasedClaims resolve(UserEntity user, String subject, Collection<String> scopes, ClaimsRequest request,
                                  boolean accessTokenIssued) {
        Map<String, Object> attributes = new HashMap<>(user.attributes == null ? Map.of() : user.attributes);
        if (user.updatedAt != null) {
            attributes.putIfAbsent(UPDATED_AT_ATTRIBUTE, user.updatedAt.getEpochSecond());
        }
        return resolve(subject, attributes, scopes, request, accessTokenIssued);
    }

    /** Claims of any user store (an LDAP entry, for example): its subject and its attributes. */
    public ReleasedClaims resolve(String subject, Map<String, Object> attributes, Collection<String> scopes,
                                  ClaimsRequest request, boolean accessTokenIssued) {
        Map<String, Object> userClaims = mappings.current().apply(attributes);
        return ClaimRelease.release(subject, userClaims, scopes, request == null ? ClaimsRequest.NONE : request,
                accessTokenIssued);
    }

    /** Claim names Gatehouse can return, sub included: {@code claims_supported} (OIDC Discovery 3). */
    public Set<String> supportedClaims() {
        Set<String> names = new java.util.LinkedHashSet<>();
        names.add(StandardClaims.SUB);
        names.addAll(mappings.current().claimNames());
        return names;
    }
}
