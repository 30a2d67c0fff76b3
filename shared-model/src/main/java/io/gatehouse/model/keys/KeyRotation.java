package io.gatehouse.model.keys;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.config.TokensConfig;
import io.gatehouse.model.jose.EncryptionKeyType;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.jose.KeyAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Rotation of the signing keys: the scheduled transitions of {@link RotationSchedule}, and the operator's
 * emergency rotation. Every run holds the key-table advisory lock for its whole transaction, so two replicas
 * never rotate at once and the second one, once it gets the lock, finds nothing left to do.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    @Inject
    SigningKeyStore store;
    @Inject
    KeysConfig keys;
    @Inject
    TokensConfig tokens;
    @Inject
    AuditTrail audit;

    /** What a scheduled run did; {@code locked} false when another replica held the lock (nothing done). */
    public record Outcome(boolean locked, List<KeyTransition> applied, List<String> created) {
        public boolean changed() {
            return !applied.isEmpty();
        }
    }

    /** What an emergency rotation did. */
    public record EmergencyRotation(String revokedKid, List<String> retiredKids, List<String> activatedKids) {
    }

    /** The kid to revoke is not a key Gatehouse has (or was revoked already). */
    public static class UnknownKeyException extends RuntimeException {
        public UnknownKeyException(String message) {
            super(message, null, false, false);
        }
    }

    /** The configured periods; throws with a clear message when they make no sense. */
    public RotationPolicy policy() {
        return RotationPolicy.of(keys.rotation(), tokens);
    }

    /** RS256 (mandatory, OIDC Core 15.1), the configured algorithms, and the encryption key types. */
    public Set<KeyAlgorithm> algorithms() {
        return wanted(keys);
    }

    /** Every kind of key that must have an active key under {@code keys}. */
    public static Set<KeyAlgorithm> wanted(KeysConfig keys) {
        Set<KeyAlgorithm> algs = new LinkedHashSet<>();
        algs.add(JwsAlgorithm.RS256);
        algs.addAll(keys.algorithms());
        algs.addAll(List.of(EncryptionKeyType.values()));
        return algs;
    }

    /**
     * Applies the transitions due at {@code now}. With {@code waitForLock} false the run is skipped when another
     * transaction holds the key-table lock (the scheduled case: that replica is rotating).
     */
    @Transactional
    public Outcome rotateDue(Instant now, boolean waitForLock) {
        if (waitForLock) {
            store.lockKeyTable();
        } else if (!store.tryLockKeyTable()) {
            return new Outcome(false, List.of(), List.of());
        }
        RotationPolicy policy = policy();
        List<KeyTransition> due = RotationSchedule.due(store.records(), algorithms(), policy, now);
        List<String> created = store.apply(due, policy, now);
        if (!due.isEmpty()) {
            LOG.infof("signing keys: %s", due);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("trigger", "schedule");
            details.put("transitions", due.stream().map(Object::toString).toList());
            details.put("created", created);
            record(details, null);
        }
        return new Outcome(true, due, created);
    }

    /**
     * Emergency rotation. With {@code revokeKid}: that key is revoked (out of the JWKS at once, so what it signed
     * stops verifying) and, if it was active, a fresh key of its algorithm is activated. Without: the active key
     * of {@code alg} (or of every algorithm) is retired as in a scheduled rotation (its tokens keep verifying) and
     * a fresh key activated.
     */
    @Transactional
    public EmergencyRotation rotateNow(Optional<KeyAlgorithm> alg, Optional<String> revokeKid, String actorClientId) {
        store.lockKeyTable();
        RotationPolicy policy = policy();
        Instant now = Instant.now();
        List<KeyRecord> records = store.records();
        List<KeyTransition> transitions = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        String revoked = null;
        if (revokeKid.isPresent()) {
            String kid = revokeKid.get();
            KeyRecord key = records.stream().filter(r -> r.kid().equals(kid) && r.state() != KeyState.REVOKED).findFirst()
                    .orElseThrow(() -> new UnknownKeyException("no signing key " + kid + " to revoke"));
            store.revoke(kid, policy, now);
            revoked = kid;
            if (key.state() == KeyState.ACTIVE) {
                transitions.add(new KeyTransition.Create(key.alg(), KeyState.ACTIVE));
            }
        } else {
            Set<KeyAlgorithm> rotated = alg.map(Set::of).orElseGet(this::algorithms);
            for (KeyAlgorithm a : rotated) {
                records.stream().filter(r -> r.alg() == a && r.state() == KeyState.ACTIVE).findFirst().ifPresent(r -> {
                    transitions.add(new KeyTransition.Retire(r.kid(), a));
                    retired.add(r.kid());
                });
                transitions.add(new KeyTransition.Create(a, KeyState.ACTIVE));
            }
        }
        List<String> activated = store.apply(transitions, policy, now);
        LOG.warnf("emergency key rotation by %s: revoked %s, retired %s, activated %s", actorClientId, revoked, retired,
                activated);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", "emergency");
        details.put("revoked", revoked);
        details.put("retired", retired);
        details.put("activated", activated);
        record(details, actorClientId);
        return new EmergencyRotation(revoked, List.copyOf(retired), activated);
    }

    /** In the rotation's transaction, through the one audit trail (counted like every other event). */
    private void record(Map<String, Object> details, String clientId) {
        audit.record(new AuditEvent("signing_keys_rotated", null, clientId, details));
    }
}
