package io.gatehouse.model.token;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.config.TokensConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.keys.TokenSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Mints RFC 9068 JWT access tokens: the one place both the token and authorization endpoints do so. */
@ApplicationScoped
public class AccessTokenIssuer {

    /** RFC 9068 2.1: the JOSE header typ of JWT access tokens. */
    public static final String TYP = "at+jwt";

    @Inject
    TokenSigner signer;
    @Inject
    TokensConfig tokens;
    @Inject
    GatehouseConfig config;

    /** A signed access token and what the token response says of it. */
    public record IssuedAccessToken(String value, String jti, long expiresIn, Instant expiresAt, AccessTokenClaims claims) {
    }

    /**
     * Issues an access token for {@code sub} (a user id, or the client_id for client_credentials). The audience is
     * the issuer: Gatehouse's own resource servers (userinfo, admin) accept it.
     */
    public IssuedAccessToken issue(String sub, String clientId, String scope, UUID grantId, Instant authTime, String acr) {
        return issue(sub, clientId, scope, grantId, authTime, acr, null);
    }

    /** As above, bound to the DPoP key with thumbprint {@code jkt} (RFC 9449 6) when it is not null. */
    public IssuedAccessToken issue(String sub, String clientId, String scope, UUID grantId, Instant authTime, String acr,
                                   String jkt) {
        return issue(sub, clientId, scope, grantId, authTime, acr, jkt, List.of(config.issuer()), null);
    }

    /** As above, for the audience {@code aud} and with the actor claim {@code act} (RFC 8693 4.1) when not null. */
    public IssuedAccessToken issue(String sub, String clientId, String scope, UUID grantId, Instant authTime, String acr,
                                   String jkt, List<String> aud, java.util.Map<String, Object> act) {
        Instant now = Instant.now();
        Instant exp = now.plus(tokens.accessTokenLifetime());
        String jti = RandomTokens.randomBytes(16);
        AccessTokenClaims claims = new AccessTokenClaims(config.issuer(), sub, aud, exp, now, jti,
                clientId, scope, grantId, authTime, acr, jkt, act);
        String value = signer.sign(claims.toMap(), TYP, tokens.accessTokenAlg());
        return new IssuedAccessToken(value, jti, tokens.accessTokenLifetime().toSeconds(), exp, claims);
    }
}
