package io.gatehouse.authorize.registration;

import io.gatehouse.model.bearer.BearerChallenge;
import io.gatehouse.model.bearer.BearerTokenExtraction;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.repository.ClientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The bearer tokens of the registration endpoints: initial access tokens for {@code POST /register} (RFC 7591 3)
 * and registration access tokens for the client configuration endpoint (RFC 7592 3).
 */
@ApplicationScoped
public class RegistrationAccess {

    @Inject
    RegistrationConfig config;
    @Inject
    ClientRepository clients;
    @Inject
    EntityManager em;

    /** RFC 7591 3: open registration, or a configured initial access token. */
    public void requireInitialAccess(List<String> authorization, List<String> queryTokens) {
        new InitialAccessPolicy(config.open(), config.initialAccessTokenHashes().orElse(List.of()))
                .check(authorization, queryTokens);
    }

    /**
     * The client {@code clientId} when the request carries its registration access token; otherwise a 401
     * {@code invalid_token} challenge (RFC 7592 2, RFC 6750 3.1). Call inside a transaction. A token presented for
     * a client that does not exist is revoked (RFC 7592 2.1) in a transaction of its own.
     */
    public ClientEntity requireClient(String clientId, List<String> authorization, List<String> queryTokens) {
        String token = BearerTokenExtraction.extract(authorization, List.of(), queryTokens);
        ClientEntity client = clients.findById(clientId);
        if (client == null) {
            String hash = Sha256.hash(token);
            QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                            "update ClientEntity c set c.registrationTokenHash = null where c.registrationTokenHash = :h")
                    .setParameter("h", hash).executeUpdate());
            throw BearerChallenge.invalidToken("the registration access token is not valid");
        }
        if (!Sha256.matches(token, client.registrationTokenHash)) {
            throw BearerChallenge.invalidToken("the registration access token is not valid");
        }
        if (!client.enabled) {
            throw BearerChallenge.invalidToken("the client has been disabled");
        }
        return client;
    }
}
