package io.gatehouse.model.token;

import io.gatehouse.model.claims.ClaimsResolver;
import io.gatehouse.model.claims.ReleasedClaims;
import io.gatehouse.model.client.ResponseEncryption;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.config.TokensConfig;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.registration.EncryptedJwt;
import io.gatehouse.model.subject.SubjectIdentifiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The one way Gatehouse makes an ID token (OIDC Core 2, 3.1.3.6, 3.2.2.10, 3.3.2.11): protocol claims from the
 * {@link IdTokenRequest}, user claims from {@link ClaimsResolver}, signed with the client's registered
 * {@code id_token_signed_response_alg}, then encrypted as it registered (its jwks_uri fetched beforehand by
 * {@link ResponseEncryption#prefetch}, outside the transaction). Both the authorization and the token endpoint call it.
 */
@ApplicationScoped
public class IdTokenFactory {

    @Inject
    ClaimsResolver claims;
    @Inject
    IdTokenIssuer issuer;
    @Inject
    TokensConfig tokens;
    @Inject
    GatehouseConfig config;
    @Inject
    SubjectIdentifiers subjects;
    @Inject
    ResponseEncryption encryption;

    public String issue(IdTokenRequest r) {
        JwsAlgorithm alg = IdTokenIssuer.algorithmFor(r.client());
        // OIDC Core 5.4: scope claims go in the ID token only when no access token is issued.
        String sub = subjects.subjectFor(r.client(), r.user().id); // OIDC Core 8
        ReleasedClaims released = claims.resolve(r.user(), sub, r.scopes(), r.claimsRequest(), r.accessToken() != null);
        Instant now = Instant.now();
        IdTokenClaims idToken = new IdTokenClaims(config.issuer(), sub, r.client().clientId,
                now.plus(tokens.idTokenLifetime()), now,
                r.authTime(), // always present: OIDC Core 2 allows it, max_age and require_auth_time demand it
                r.nonce(), r.acr(), r.amr(), r.client().clientId, r.sid(),
                r.accessToken() == null ? null : TokenHashes.leftHalfHash(r.accessToken(), alg),
                r.code() == null ? null : TokenHashes.leftHalfHash(r.code(), alg),
                released.idToken());
        // OIDC Core 2, 10.2: signed, then encrypted when the client registered id_token_encrypted_response_alg.
        return encryption.encrypt(r.client(), EncryptedJwt.ID_TOKEN, issuer.issue(idToken, alg), true);
    }
}
