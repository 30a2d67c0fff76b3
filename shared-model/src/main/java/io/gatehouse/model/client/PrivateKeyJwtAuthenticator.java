package io.gatehouse.model.client;

import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Jws;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.util.List;

/**
 * private_key_jwt (OIDC Core 9, RFC 7523 2.2): a JWT signed with one of the client's keys, from its {@code jwks}
 * metadata or {@code jwks_uri} ({@link ClientJwks}; re-fetched when the assertion names a kid not held). The key
 * decides the algorithm (RFC 8725 3.1): a key is a candidate only if its type fits the alg, and HMAC or none never
 * parse here.
 */
@ApplicationScoped
public class PrivateKeyJwtAuthenticator implements ClientAuthenticator {

    @Inject
    ClientJwks jwks;
    @Inject
    ClientAssertionCheck check;

    @Override
    public String method() {
        return "private_key_jwt";
    }

    /** Every asymmetric algorithm Jws verifies; HMAC and none never (RFC 8725 3.1). */
    @Override
    public List<String> signingAlgorithms() {
        return java.util.Arrays.stream(io.gatehouse.model.jose.JwsAlgorithm.values()).map(Enum::name).toList();
    }

    @Override
    public ClientCredentials.Kind presentation() {
        return ClientCredentials.Kind.JWT_ASSERTION;
    }

    @Override
    public void authenticate(ClientEntity client, ClientCredentials credentials, Endpoint endpoint) {
        Jws.Parsed jws;
        try {
            jws = Jws.parse(credentials.assertion());
        } catch (InvalidJwsException e) {
            throw ClientAssertion.invalid("the client assertion must be a JWS signed with the client's private key");
        }
        requireRegisteredAlg(client, jws.alg().name());
        List<PublicKey> candidates = ClientJwks.candidates(jwks.keys(client, false), jws.kid(), jws.alg());
        if (candidates.isEmpty()) {
            candidates = ClientJwks.candidates(jwks.keys(client, true), jws.kid(), jws.alg());
        }
        if (candidates.stream().noneMatch(jws::verify)) {
            throw ClientAssertion.invalid("the client assertion's signature does not verify with the client's keys");
        }
        check.check(jws.claims(), client, endpoint);
    }

    /** OIDC Registration 2 token_endpoint_auth_signing_alg: when registered, the assertion must use exactly it. */
    static void requireRegisteredAlg(ClientEntity client, String alg) {
        Object registered = client.metadata == null ? null : client.metadata.get("token_endpoint_auth_signing_alg");
        if (registered instanceof String r && !r.equals(alg)) {
            throw ClientAssertion.invalid("the client assertion must be signed with " + r);
        }
    }
}
