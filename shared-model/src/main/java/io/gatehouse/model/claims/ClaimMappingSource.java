package io.gatehouse.model.claims;

import io.gatehouse.model.entity.ClaimMappingEntity;
import io.gatehouse.model.repository.ClaimMappingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The operator's mapping from the {@code claim_mappings} table (seeded with {@link ClaimMappings#DEFAULT} by V5),
 * validated and held in memory. The table is the whole truth: an empty table releases no user claims but sub.
 * An invalid mapping stops the service at start with a message naming the row.
 */
@ApplicationScoped
public class ClaimMappingSource {

    private static final Logger LOG = Logger.getLogger(ClaimMappingSource.class);

    @Inject
    ClaimMappingRepository repository;
    @Inject
    ClaimsConfig config;

    private volatile ClaimMappings current;
    private volatile Instant loadedAt = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        loadAtStart();
    }

    /**
     * Reads and validates the mapping; an invalid one is an {@link IllegalStateException} that fails the start of
     * the service, with a message naming the row and the rule.
     */
    public void loadAtStart() {
        try {
            current = load();
            loadedAt = Instant.now();
        } catch (InvalidClaimMappingException e) {
            throw new IllegalStateException("Invalid attribute-to-claim mapping in table claim_mappings: " + e.getMessage()
                    + " (see docs/claims.md)", e);
        } catch (RuntimeException e) {
            // The database may not be reachable yet: the mapping is then read on first use.
            LOG.warnf("claim mapping not loaded at start: %s", e.toString());
        }
    }

    /** Channel on which a trigger announces every change of table claim_mappings (V82). */
    public static final String CHANNEL = "gatehouse_claim_mappings";

    /** The mapping changed: the next use re-reads it. */
    public void invalidate() {
        loadedAt = Instant.EPOCH;
    }

    /** The mapping in force, re-read on every change ({@link #CHANNEL}) and every {@code gatehouse.claims.mapping-refresh}. */
    public ClaimMappings current() {
        ClaimMappings c = current;
        if (c == null || loadedAt.plus(config.mappingRefresh()).isBefore(Instant.now())) {
            c = refresh();
        }
        return c;
    }

    private synchronized ClaimMappings refresh() {
        try {
            current = load();
        } catch (InvalidClaimMappingException e) {
            if (current == null) {
                throw e;
            }
            LOG.errorf("claim_mappings is invalid, keeping the previous mapping: %s", e.getMessage());
        } catch (RuntimeException e) {
            if (current == null) {
                throw e;
            }
            LOG.warnf("claim_mappings not re-read, keeping the previous mapping: %s", e.toString());
        }
        loadedAt = Instant.now();
        return current;
    }

    private ClaimMappings load() {
        List<ClaimMappingEntity> rows = QuarkusTransaction.joiningExisting().call(() -> repository.list("order by claim"));
        if (rows.isEmpty()) {
            LOG.warn("claim_mappings is empty: no user claims besides sub are released (see docs/claims.md)");
        }
        return ClaimMappings.of(toMappings(rows));
    }

    /** Rows to mappings; an unknown value type is an {@link InvalidClaimMappingException}. */
    static List<ClaimMapping> toMappings(List<ClaimMappingEntity> rows) {
        List<ClaimMapping> mappings = new ArrayList<>();
        for (ClaimMappingEntity row : rows) {
            ClaimValueType type = ClaimValueType.fromConfigName(row.valueType).orElseThrow(() -> new InvalidClaimMappingException(
                    "claim mapping '" + row.claim + "': unknown value type '" + row.valueType + "'"));
            mappings.add(new ClaimMapping(row.claim, row.sourceAttributes == null ? List.of() : row.sourceAttributes, type));
        }
        return mappings;
    }
}
