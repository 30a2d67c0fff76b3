package io.gatehouse.authorize.admin;

import io.gatehouse.model.entity.AuditEventEntity;
import io.gatehouse.model.repository.AuditEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes {@code audit_events} rows in the caller's transaction: the change and its record commit together. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditEventRepository events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String type, UUID userId, String clientId, String sourceIp, Map<String, Object> details) {
        AuditEventEntity e = new AuditEventEntity();
        e.type = type;
        e.occurredAt = Instant.now();
        e.userId = userId;
        e.clientId = clientId;
        e.sourceIp = sourceIp;
        e.details = new LinkedHashMap<>(details);
        events.persist(e);
    }
}
