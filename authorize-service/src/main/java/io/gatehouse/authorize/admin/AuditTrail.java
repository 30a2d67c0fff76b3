package io.gatehouse.authorize.admin;

import io.gatehouse.model.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/** Admin and registration audit events, through the one shared trail, in the caller's transaction. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    io.gatehouse.model.audit.AuditTrail trail;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String type, UUID userId, String clientId, String sourceIp, Map<String, Object> details) {
        trail.record(new AuditEvent(type, userId, clientId, sourceIp, details));
    }
}
