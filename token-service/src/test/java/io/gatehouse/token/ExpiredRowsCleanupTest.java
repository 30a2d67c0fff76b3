package io.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ExpiredRowsCleanupTest {

    @Inject
    ExpiredRowsCleanup cleanup;
    @Inject
    TokenFixtures fixtures;
    @Inject
    EntityManager em;

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }

    @Test
    void expiredJtisAndRevocationsAreDeletedAndLiveOnesKept() {
        TestClient c = fixtures.client("client_secret_basic", List.of("client_credentials"), "api.read", Map.of());
        execute("insert into client_assertion_jtis values ('" + c.clientId() + "', 'old', now() - interval '1 minute'), "
                + "('" + c.clientId() + "', 'live', now() + interval '1 minute')");
        execute("insert into revocations (jti, expires_at) values ('old-" + c.clientId() + "', now() - interval '1 minute'), "
                + "('live-" + c.clientId() + "', now() + interval '1 minute')");

        cleanup.deleteExpired();

        assertEquals(1, count("select count(*) from client_assertion_jtis where client_id = '" + c.clientId() + "'"));
        assertEquals(0, count("select count(*) from revocations where jti = 'old-" + c.clientId() + "'"));
        assertEquals(1, count("select count(*) from revocations where jti = 'live-" + c.clientId() + "'"));
    }
}
