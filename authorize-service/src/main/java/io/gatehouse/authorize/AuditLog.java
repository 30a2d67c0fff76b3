package io.gatehouse.authorize;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** Audit events of the authorization endpoint, through the one {@link AuditTrail}, in the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditTrail trail;

    public void record(String type, UUID userId, String clientId, String detail) {
        record(type, userId, clientId, detail, null);
    }

    public void record(String type, UUID userId, String clientId, String detail, String sourceIp) {
        trail.record(new AuditEvent(type, userId, clientId, sourceIp, detail == null ? Map.of() : Map.of("detail", detail)));
    }
}
