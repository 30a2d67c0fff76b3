package io.gatehouse.authorize.registration;

import io.gatehouse.model.client.ClientAuthenticator;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeysConfig;
import io.gatehouse.model.registration.ClientMetadata;
import io.gatehouse.model.registration.ClientMetadataValidator;
import io.gatehouse.model.registration.RegistrationPolicy;
import io.gatehouse.model.registration.SectorIdentifierDocument;
import io.gatehouse.model.registration.SectorIdentifierDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Client metadata as each kind of author may write it: a registrant (RFC 7591, restricted scopes, https
 * outside development mode) or an operator through the admin API (any scope, http on loopback hosts). Both pass
 * the same specification rules, and both have their sector_identifier_uri document fetched and checked.
 */
@ApplicationScoped
public class ClientMetadataChecks {

    @Inject
    RegistrationConfig registration;
    @Inject
    GatehouseConfig gatehouse;
    @Inject
    KeysConfig keys;
    @Inject
    SectorIdentifierDocuments sectorIdentifierDocuments;
    @Inject
    Instance<ClientAuthenticator> authenticators;

    /** Metadata sent to {@code /register} (RFC 7591 2, 3.1). */
    public ClientMetadata forRegistrant(Map<String, Object> request) {
        return check(request, new RegistrationPolicy(signingAlgorithms(), Optional.of(Set.copyOf(registration.allowedScopes())),
                registration.defaultScope(), gatehouse.devMode(), assertionAlgorithms()));
    }

    /** Metadata an operator sends to the admin API. */
    public ClientMetadata forOperator(Map<String, Object> request) {
        return check(request, new RegistrationPolicy(signingAlgorithms(), Optional.empty(), registration.defaultScope(), true,
                assertionAlgorithms()));
    }

    private ClientMetadata check(Map<String, Object> request, RegistrationPolicy policy) {
        ClientMetadata metadata = new ClientMetadataValidator(policy).validate(request);
        // OIDC Registration 5: the document must list every redirect URI (fetched outside any transaction).
        metadata.sectorIdentifierUri().ifPresent(uri -> SectorIdentifierDocument.check(
                sectorIdentifierDocuments.fetch(URI.create(uri)), metadata.redirectUris()));
        return metadata;
    }

    /** token_endpoint_auth_signing_alg values: what each JWT method's authenticator verifies (OIDC Registration 2). */
    private Map<String, Set<String>> assertionAlgorithms() {
        Map<String, Set<String>> algs = new HashMap<>();
        for (ClientAuthenticator a : authenticators) {
            if (!a.signingAlgorithms().isEmpty()) {
                algs.put(a.method(), Set.copyOf(a.signingAlgorithms()));
            }
        }
        return algs;
    }

    /** The algorithms with a signing key (KeysConfig; RS256 always, OIDC Core 15.1). */
    private Set<String> signingAlgorithms() {
        Set<String> algs = new LinkedHashSet<>();
        algs.add(JwsAlgorithm.RS256.name());
        keys.algorithms().forEach(a -> algs.add(a.name()));
        return algs;
    }
}
