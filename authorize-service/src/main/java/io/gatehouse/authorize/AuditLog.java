package io.gatehouse.authorize;

import io.gatehouse.model.entity.AuditEventEntity;
import io.gatehouse.model.repository.AuditEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.UUID;

/** Audit events of the authorization endpoint (DESIGN.md "State"): written in the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditEventRepository events;

    public void record(String type, UUID userId, String clientId, String detail) {
        record(type, userId, clientId, detail, null);
    }

    public void record(String type, UUID userId, String clientId, String detail, String sourceIp) {
        AuditEventEntity e = new AuditEventEntity();
        e.sourceIp = sourceIp;
        e.type = type;
        e.userId = userId;
        e.clientId = clientId;
        e.details = new HashMap<>();
        if (detail != null) {
            e.details.put("detail", detail);
        }
        events.persist(e);
    }
}
