package io.gatehouse.userinfo;

import io.gatehouse.model.bearer.BearerChallenge;
import io.gatehouse.model.bearer.BearerTokenExtraction.Presented;
import io.gatehouse.model.bearer.SenderConstraint;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.claims.ClaimsResolver;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.model.token.AccessTokenValidator.InvalidAccessTokenException;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The userinfo rules (OIDC Core 5.3, RFC 6750): a valid, unrevoked access token (verified locally, no call to
 * another service) with the openid scope, for an enabled user, answered with the claims its grant released.
 */
@ApplicationScoped
public class UserinfoLookup {

    private static final Logger LOG = Logger.getLogger(UserinfoLookup.class);
    static final String OPENID = "openid";

    @Inject
    AccessTokenValidator validator;
    @Inject
    ClaimsResolver claims;
    @Inject
    EntityManager em;
    @Inject
    SubjectIdentifiers subjects;
    @Inject
    SenderConstraint senderConstraint;
    @Inject
    GatehouseConfig config;

    @Transactional
    public UserinfoResponse answer(Presented presented, List<String> dpopHeaders, String method) {
        ValidatedAccessToken token;
        try {
            // Signature with the cached keys, typ at+jwt, iss, exp; then grant and jti revocation (RFC 9068 4).
            token = validator.validate(presented.token());
        } catch (InvalidAccessTokenException e) {
            throw BearerChallenge.invalidToken(e.getMessage());
        }
        if (!token.isFor(config.issuer())) {
            // RFC 9068 4: a token exchanged for another audience (RFC 8693) is not for userinfo.
            throw BearerChallenge.invalidToken("the access token is not meant for this resource");
        }
        senderConstraint.check(presented, token, dpopHeaders, method, Endpoint.USERINFO); // RFC 9449 7
        if (!token.hasScope(OPENID)) {
            // OIDC Core 5.3: userinfo is an OpenID Connect resource.
            throw BearerChallenge.insufficientScope(OPENID, "the access token was not granted the openid scope");
        }
        List<?> rows = em.createQuery("select g, u, c from GrantEntity g, UserEntity u, ClientEntity c "
                        + "where g.id = :grant and u.id = g.userId and c.clientId = g.clientId")
                .setParameter("grant", token.grantId()).getResultList();
        if (rows.isEmpty()) {
            throw BearerChallenge.invalidToken("the access token does not belong to an end-user");
        }
        Object[] row = (Object[]) rows.get(0);
        GrantEntity grant = (GrantEntity) row[0];
        UserEntity user = (UserEntity) row[1];
        ClientEntity client = (ClientEntity) row[2];
        String sub = subjects.subjectFor(client, user.id); // OIDC Core 8: the sub of the client's ID tokens
        if (!user.enabled || !sub.equals(token.sub())) {
            throw BearerChallenge.invalidToken("the access token's end-user is not active");
        }
        if (!client.enabled || !client.clientId.equals(token.clientId())) {
            throw BearerChallenge.invalidToken("the access token's client is not active");
        }
        var released = claims.resolve(user, sub, token.scopes(), claimsRequest(grant), true);
        return new UserinfoResponse(released.userinfo(), client, signingAlg(client));
    }

    private static ClaimsRequest claimsRequest(GrantEntity grant) {
        try {
            return ClaimsRequest.fromJson(grant.claims);
        } catch (OAuthException e) {
            LOG.warnf("grant %s holds an unreadable claims request, ignored: %s", grant.id, e.getMessage());
            return ClaimsRequest.NONE;
        }
    }

    /** OIDC Registration 2: userinfo_signed_response_alg; JSON when absent. */
    static Optional<JwsAlgorithm> signingAlg(ClientEntity client) {
        Object alg = client.metadata == null ? null : client.metadata.get("userinfo_signed_response_alg");
        if (!(alg instanceof String name)) {
            return Optional.empty();
        }
        Optional<JwsAlgorithm> supported = JwsAlgorithm.fromName(name);
        if (supported.isEmpty()) {
            LOG.warnf("client %s registered unsupported userinfo_signed_response_alg %s: answering JSON", client.clientId, name);
        }
        return supported;
    }
}
