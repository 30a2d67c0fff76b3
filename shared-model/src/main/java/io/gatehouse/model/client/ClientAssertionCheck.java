package io.gatehouse.model.client;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.repository.ClientAssertionJtiRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What client_secret_jwt and private_key_jwt share once the signature verified: the claims rules of
 * {@link ClientAssertion} with the accepted audiences (the issuer, the token endpoint URL, the URL of the endpoint
 * called), then the jti replay check (RFC 7523 3 item 7) against table {@code client_assertion_jtis}.
 */
@ApplicationScoped
public class ClientAssertionCheck {

    @Inject
    GatehouseConfig config;
    @Inject
    ClientAssertionJtiRepository jtis;

    public void check(Map<String, Object> claims, ClientEntity client, Endpoint endpoint) {
        ClientAssertion assertion = ClientAssertion.validate(claims, client.clientId, audiences(endpoint), Instant.now());
        if (!jtis.firstUse(client.clientId, assertion.jti(), assertion.expiresAt())) {
            throw ClientAssertion.invalid("the client assertion was already used");
        }
    }

    Set<String> audiences(Endpoint endpoint) {
        List<String> urls = new ArrayList<>();
        urls.add(url(Endpoint.TOKEN));
        urls.add(url(endpoint));
        return ClientAssertion.audiences(config.issuer(), urls);
    }

    private String url(Endpoint endpoint) {
        String base = switch (endpoint.owner()) {
            case AUTHORIZE -> config.urls().authorize();
            case TOKEN -> config.urls().token();
            case USERINFO -> config.urls().userinfo();
            case DISCOVERY -> config.urls().discovery();
        };
        return base + endpoint.path();
    }
}
