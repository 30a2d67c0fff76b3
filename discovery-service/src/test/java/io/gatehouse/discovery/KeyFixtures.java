package io.gatehouse.discovery;

import static io.restassured.RestAssured.given;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Time travel of the key table, access tokens for the admin command, and the published JWKS. */
@ApplicationScoped
public class KeyFixtures {

    @Inject
    EntityManager em;
    @Inject
    ClientRepository clients;
    @Inject
    GrantRepository grants;
    @Inject
    AccessTokenIssuer accessTokens;

    /** Moves every key timestamp {@code d} into the past, as if that much time had passed (no NOTIFY is sent). */
    public void age(Duration d) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update signing_keys set "
                        + "created_at = created_at - make_interval(secs => ?1), activated_at = activated_at - make_interval(secs => ?1), "
                        + "retired_at = retired_at - make_interval(secs => ?1), delete_after = delete_after - make_interval(secs => ?1)")
                .setParameter(1, (double) d.toSeconds()).executeUpdate());
    }

    /** The kid of the active key of {@code alg}, read from the table. */
    public String activeKid(JwsAlgorithm alg) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select kid from signing_keys where alg = ?1 and state = 'active'").setParameter(1, alg.name()).getSingleResult());
    }

    public String state(String kid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select state from signing_keys where kid = ?1").setParameter(1, kid).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    @SuppressWarnings("unchecked")
    public List<String> kids(String where) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(
                "select kid from signing_keys where " + where).getResultList());
    }

    public void setState(String kid, String state) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update signing_keys set state = ?1 where kid = ?2")
                .setParameter(1, state).setParameter(2, kid).executeUpdate());
    }

    public long count(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from signing_keys where " + where).getSingleResult()).longValue());
    }

    /** An access token of a new client granted {@code scope} (as token-service would issue for client_credentials). */
    public String accessToken(String scope) {
        String clientId = "operator-" + UUID.randomUUID();
        UUID grantId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ClientEntity client = new ClientEntity();
            client.clientId = clientId;
            client.scope = scope;
            clients.persist(client);
            GrantEntity grant = new GrantEntity();
            grant.id = grantId;
            grant.clientId = clientId;
            grant.scope = scope;
            grants.persist(grant);
        });
        return accessTokens.issue(clientId, clientId, scope, grantId, Instant.now(), null).value();
    }

    /** The kids of the JWKS served now. */
    public static List<String> publishedKids() {
        List<Map<String, Object>> keys = given().get("/jwks").then().statusCode(200).extract().jsonPath().getList("keys");
        return keys.stream().map(k -> (String) k.get("kid")).toList();
    }

    /** Waits (up to 30 s) for something another thread makes true; fails if it never does. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
