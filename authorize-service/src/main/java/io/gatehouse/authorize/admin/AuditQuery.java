package io.gatehouse.authorize.admin;

import io.gatehouse.model.entity.AuditEventEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Audit events by user, client, type and time range ({@code from} inclusive, {@code to} exclusive), newest first. */
@ApplicationScoped
public class AuditQuery {

    @Inject
    EntityManager em;

    /** The filters of a query; every one optional. Times are ISO-8601 instants ({@code 2026-11-02T10:15:30Z}). */
    public record Filter(String userId, String clientId, String type, String from, String to) {
    }

    public Page<AuditEventView> find(Filter filter, Paging paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.userId() != null) {
            conditions.add("e.userId = :user");
            params.put("user", uuid(filter.userId()));
        }
        if (filter.clientId() != null) {
            conditions.add("e.clientId = :client");
            params.put("client", filter.clientId());
        }
        if (filter.type() != null) {
            conditions.add("e.type = :type");
            params.put("type", filter.type());
        }
        if (filter.from() != null) {
            conditions.add("e.occurredAt >= :from");
            params.put("from", instant("from", filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("e.occurredAt < :to");
            params.put("to", instant("to", filter.to()));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return QuarkusTransaction.requiringNew().call(() -> {
            TypedQuery<AuditEventEntity> query = em.createQuery("select e from AuditEventEntity e" + where
                    + " order by e.occurredAt desc, e.id desc", AuditEventEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(e) from AuditEventEntity e" + where, Long.class);
            params.forEach((k, v) -> {
                query.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<AuditEventView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList().stream()
                    .map(e -> new AuditEventView(e.id, e.occurredAt, e.type, e.userId, e.clientId, e.sourceIp, e.details)).toList();
            return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
        });
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw AdminErrors.invalidRequest("user_id must be a UUID");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw AdminErrors.invalidRequest(name + " must be an ISO-8601 instant such as 2026-11-02T10:15:30Z");
        }
    }
}
