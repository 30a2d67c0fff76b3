package io.gatehouse.model.token;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.NumericDate;
import io.gatehouse.model.keys.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Validates a Gatehouse access token as a resource server does (RFC 9068 4): signature with the cached keys,
 * typ at+jwt, iss, exp; then one database query for the grant's and the jti's revocation. Used by userinfo,
 * introspection and the admin API.
 */
@ApplicationScoped
public class AccessTokenValidator {

    /** Tolerated difference between the clocks of the replica that issued a token and the one validating it. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Inject
    TokenVerifier verifier;
    @Inject
    GatehouseConfig config;
    @Inject
    EntityManager em;

    /** Why a token is not valid; the message is safe to show to the client. */
    public static class InvalidAccessTokenException extends Exception {
        public InvalidAccessTokenException(String message) {
            super(message, null, false, false);
        }
    }

    /** A valid access token. */
    public record ValidatedAccessToken(String sub, String clientId, Set<String> scopes, UUID grantId, String jti,
                                       Instant exp, Instant iat, Map<String, Object> claims) {
        public boolean hasScope(String scope) {
            return scopes.contains(scope);
        }

        /** Whether the token is meant for {@code audience} (RFC 9068 4: a resource server checks aud). */
        public boolean isFor(String audience) {
            Object aud = claims.get("aud");
            return audience.equals(aud) || aud instanceof java.util.List<?> list && list.contains(audience);
        }

        /** The thumbprint of the DPoP key the token is bound to (RFC 9449 6.1), or null for a bearer token. */
        public String jkt() {
            return claims.get(AccessTokenClaims.CNF) instanceof Map<?, ?> cnf && cnf.get(AccessTokenClaims.JKT) instanceof String j
                    ? j : null;
        }
    }

    @Transactional
    public ValidatedAccessToken validate(String token) throws InvalidAccessTokenException {
        ValidatedAccessToken t = validateStateless(token);
        // The grant and, for an exchanged token (RFC 8693), every grant it was exchanged from: revoking any revokes it.
        Object[] row = (Object[]) em.createNativeQuery(
                        "with recursive chain(id, parent, revoked, depth) as ("
                                + "select id, exchanged_from, revoked_at is not null, 0 from grants where id = ?1 "
                                + "union all select g.id, g.exchanged_from, g.revoked_at is not null, c.depth + 1 "
                                + "from grants g join chain c on g.id = c.parent where c.depth < 32) "
                                + "select (select bool_or(revoked) from chain), "
                                + "exists(select 1 from revocations where jti = ?2)")
                .setParameter(1, t.grantId()).setParameter(2, t.jti()).getSingleResult();
        Boolean grantRevoked = (Boolean) row[0];
        if (grantRevoked == null || grantRevoked || Boolean.TRUE.equals(row[1])) {
            throw new InvalidAccessTokenException("the access token has been revoked");
        }
        return t;
    }

    /** Everything but the revocation lookup: signature, typ, iss, exp and the claims' shapes. */
    public ValidatedAccessToken validateStateless(String token) throws InvalidAccessTokenException {
        TokenVerifier.VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidJwsException e) {
            throw new InvalidAccessTokenException("the access token is malformed or its signature is invalid");
        }
        if (!AccessTokenIssuer.TYP.equals(verified.typ())) {
            throw new InvalidAccessTokenException("not an access token");
        }
        Map<String, Object> c = verified.claims();
        if (!config.issuer().equals(c.get("iss"))) {
            throw new InvalidAccessTokenException("the access token was issued by another issuer");
        }
        Instant now = Instant.now();
        Instant exp = NumericDate.toInstant(c.get("exp"));
        Instant iat = NumericDate.toInstant(c.get("iat"));
        if (exp == null || !exp.isAfter(now)) {
            throw new InvalidAccessTokenException("the access token has expired");
        }
        // RFC 7519 4.1.5: not accepted before nbf; a token issued in the future was not issued by this clock either.
        if (notYetValid(c, "nbf", now) || notYetValid(c, "iat", now)) {
            throw new InvalidAccessTokenException("the access token is not valid yet");
        }
        if (!(c.get("sub") instanceof String sub) || !(c.get("jti") instanceof String jti)
                || !(c.get("client_id") instanceof String clientId) || !(c.get(AccessTokenClaims.GRANT_ID) instanceof String grant)) {
            throw new InvalidAccessTokenException("the access token lacks required claims");
        }
        UUID grantId;
        try {
            grantId = UUID.fromString(grant);
        } catch (IllegalArgumentException e) {
            throw new InvalidAccessTokenException("the access token lacks required claims");
        }
        Set<String> scopes = c.get("scope") instanceof String s
                ? Arrays.stream(s.split(" ")).filter(x -> !x.isEmpty()).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        return new ValidatedAccessToken(sub, clientId, scopes, grantId, jti, exp, iat, c);
    }

    /** A time claim that is present but not a NumericDate, or later than now plus the clock skew. */
    private static boolean notYetValid(Map<String, Object> claims, String name, Instant now) {
        if (!claims.containsKey(name)) {
            return false;
        }
        Instant t = NumericDate.toInstant(claims.get(name));
        return t == null || t.isAfter(now.plus(CLOCK_SKEW));
    }

}
