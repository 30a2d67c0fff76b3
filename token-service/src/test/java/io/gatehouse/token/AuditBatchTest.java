package io.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.model.audit.AuditBatch;
import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.repository.AuditEventRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17.3: events batched after the commit are written, all of them, and only for transactions that commit. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AuditBatchTest {

    @Inject
    AuditTrail trail;
    @Inject
    AuditBatch batch;
    @Inject
    AuditEventRepository events;

    long count(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> events.count("clientId", clientId));
    }

    @Test
    void aBurstIsWrittenInFullAfterItsCommits() throws Exception {
        String client = "audit-" + UUID.randomUUID();
        for (int i = 0; i < 1500; i++) { // more than one insert's worth of rows
            int n = i;
            QuarkusTransaction.requiringNew().run(() ->
                    trail.recordAfterCommit(new AuditEvent(AuditEvent.TOKEN_ISSUED, null, client, Map.of("n", n))));
        }
        batch.flush();
        assertEquals(1500, count(client));
    }

    @Test
    void aRolledBackDecisionLeavesNoEvent() throws Exception {
        String client = "audit-" + UUID.randomUUID();
        QuarkusTransaction.begin();
        trail.recordAfterCommit(new AuditEvent(AuditEvent.TOKEN_ISSUED, null, client, Map.of()));
        QuarkusTransaction.rollback();
        trail.recordAfterCommit(new AuditEvent(AuditEvent.TOKEN_ISSUED, null, client, Map.of("outside", true)));
        batch.flush();
        assertEquals(1, count(client), "only the event outside the rolled-back transaction");
    }
}
