package io.gatehouse.authorize.admin;

import io.gatehouse.model.repository.SigningKeyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The signing keys' public information. Rotation belongs to discovery-service, which owns the keys (DESIGN.md);
 * the admin API only lists them.
 */
@ApplicationScoped
public class KeyListing {

    @Inject
    SigningKeyRepository keys;

    public List<KeyView> list() {
        return QuarkusTransaction.requiringNew().call(() -> keys.list("order by alg, createdAt").stream()
                .map(k -> new KeyView(k.kid, k.alg, k.state, k.createdAt, k.activatedAt, k.retiredAt, k.deleteAfter, k.publicJwk))
                .toList());
    }
}
