package io.gatehouse.model.client;

import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Jws;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * client_secret_jwt (OIDC Core 9, RFC 7523 2.2): a JWT signed with HS256 keyed by the client's secret. Only here is
 * an HMAC JWS accepted ({@link Jws#parseHs256}); the key is the secret kept encrypted ({@link ClientSecretEncryption}).
 */
@ApplicationScoped
public class ClientSecretJwtAuthenticator implements ClientAuthenticator {

    @Inject
    ClientSecretEncryption secrets;
    @Inject
    ClientAssertionCheck check;

    @Override
    public String method() {
        return "client_secret_jwt";
    }

    /** HS256 only (Jws.parseHs256), with a secret of at least 32 bytes. */
    @Override
    public List<String> signingAlgorithms() {
        return List.of(Jws.HmacParsed.ALG);
    }

    @Override
    public ClientCredentials.Kind presentation() {
        return ClientCredentials.Kind.JWT_ASSERTION;
    }

    @Override
    public void authenticate(ClientEntity client, ClientCredentials credentials, Endpoint endpoint) {
        Jws.HmacParsed jws;
        try {
            jws = Jws.parseHs256(credentials.assertion());
        } catch (InvalidJwsException e) {
            // An assertion signed another way (RS256, say) is not this client's registered method (OIDC Core 9).
            throw ClientAssertion.invalid("the client assertion must be a JWS signed with HS256 (client_secret_jwt)");
        }
        PrivateKeyJwtAuthenticator.requireRegisteredAlg(client, Jws.HmacParsed.ALG);
        byte[] secret = secrets.decrypt(client);
        if (secret == null) {
            throw ClientAssertion.invalid("the client has no secret usable for client_secret_jwt");
        }
        try {
            if (!jws.verify(secret)) {
                throw ClientAssertion.invalid("the client assertion's signature does not verify");
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        check.check(jws.claims(), client, endpoint);
    }
}
