package io.gatehouse.model.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Batched writes of {@code audit_events}: one multi-row INSERT per batch, on a connection of its own (autocommit,
 * never inside a request's transaction). The synchronous path, in the caller's transaction, is {@code AuditTrail}.
 */
@ApplicationScoped
public class AuditEventRows {

    /** One event as stored; {@code detailsJson} is a JSON object. */
    public record Row(Instant occurredAt, String type, UUID userId, String clientId, String sourceIp, String detailsJson) {
    }

    /** PostgreSQL allows 65535 bind parameters per statement; six per row. */
    public static final int MAX_ROWS = 1000;

    @Inject
    AgroalDataSource dataSource;

    /** Inserts {@code rows} (at most {@link #MAX_ROWS}) in one statement. */
    public void insert(List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " rows per insert");
        }
        StringBuilder sql = new StringBuilder("insert into audit_events (occurred_at, type, user_id, client_id, source_ip, details) values ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, cast(? as jsonb))");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Row r : rows) {
                s.setTimestamp(p++, Timestamp.from(r.occurredAt()));
                s.setString(p++, r.type());
                s.setObject(p++, r.userId(), Types.OTHER);
                s.setString(p++, r.clientId());
                s.setString(p++, r.sourceIp());
                s.setString(p++, r.detailsJson());
            }
            s.executeUpdate();
        }
    }
}
