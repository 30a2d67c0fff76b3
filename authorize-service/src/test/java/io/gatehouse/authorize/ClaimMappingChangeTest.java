package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.claims.ClaimMappingSource;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * A change of table claim_mappings, even by plain SQL, is heard at once (NOTIFY gatehouse_claim_mappings from the V82
 * trigger), long before gatehouse.claims.mapping-refresh (60 s here) would re-read it (issue 19: the mapping cached
 * and re-read on change).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ClaimMappingChangeTest {

    @Inject
    ClaimMappingSource mappings;
    @Inject
    EntityManager em;

    boolean mapped(String claim) {
        return mappings.current().claimNames().contains(claim);
    }

    boolean becomes(String claim, boolean present) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (mapped(claim) == present) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void aMappingAddedOrRemovedBySqlIsUsedWithinASecond() throws Exception {
        String claim = "department_number";
        mappings.current(); // loaded: the refresh interval alone would keep this copy for a minute
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into claim_mappings (claim, source_attributes, value_type) "
                + "values (?1, '{departmentNumber}', 'string')").setParameter(1, claim).executeUpdate());
        try {
            assertTrue(becomes(claim, true), "the new mapping is in use");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from claim_mappings where claim = ?1")
                    .setParameter(1, claim).executeUpdate());
        }
        assertTrue(becomes(claim, false), "and its removal too");
    }
}
