package io.gatehouse.model.audit;

import io.gatehouse.model.entity.AuditEventEntity;
import io.gatehouse.model.repository.AuditEventRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;

/**
 * The one entry point of {@code audit_events}: {@link #record} stores an {@link AuditEvent} in the caller's
 * transaction (so it commits with the decision, or not at all), {@link #recordAfterCommit} batches it after the
 * commit; both count it in the {@code gatehouse.audit.events} metric by type.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditEventRepository events;
    @Inject
    MeterRegistry metrics;
    @Inject
    AuditBatch batch;

    @Transactional
    public void record(AuditEvent event) {
        AuditEventEntity e = new AuditEventEntity();
        e.type = event.type();
        e.userId = event.userId();
        e.clientId = event.clientId();
        e.sourceIp = event.sourceIp();
        e.details = new HashMap<>(event.details());
        events.persist(e);
        metrics.counter("gatehouse.audit.events", "type", event.type()).increment();
    }

    /**
     * Records {@code event} off the request path, in a batch written shortly after the caller's transaction commits
     * (nothing if it rolls back). For frequent events whose loss in a crash the docs accept (tokens issued); see
     * {@link AuditBatch}.
     */
    public void recordAfterCommit(AuditEvent event) {
        batch.afterCommit(event);
    }
}
