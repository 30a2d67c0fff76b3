package io.gatehouse.model.keys;

import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.entity.SigningKeyEntity;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.KeyAlgorithm;
import io.gatehouse.model.repository.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Gatehouse's keys in PostgreSQL (signing keys, and the encryption keys clients encrypt request objects to): generation, the rows that are published, and every change of state. Each change
 * sends {@code NOTIFY gatehouse_keys} in its own transaction, so every service's {@link KeyCache} re-reads the
 * table as soon as the change commits (and never if it rolls back).
 */
@ApplicationScoped
public class SigningKeyStore {

    /** pg_advisory_xact_lock key that serialises every change to the key table across replicas. */
    public static final long KEY_TABLE_LOCK = 0x6761746568L; // "gateh"
    /** The LISTEN/NOTIFY channel of key changes. */
    public static final String CHANNEL = "gatehouse_keys";

    @Inject
    SigningKeyRepository keys;
    @Inject
    KeyEncryption encryption;
    @Inject
    EntityManager em;

    /** Keys that appear in the JWKS: next, active, and retired ones still needed by unexpired tokens. */
    @Transactional
    public List<SigningKeyEntity> published() {
        return keys.list("state in ('next', 'active') or (state = 'retired' and (deleteAfter is null or deleteAfter > ?1)) "
                + "order by alg, createdAt", Instant.now());
    }

    /** Makes sure each algorithm (or encryption key type) has an active key, creating the missing ones under the key-table lock. */
    @Transactional
    public void ensureActive(Collection<? extends KeyAlgorithm> algorithms) {
        lockKeyTable();
        for (KeyAlgorithm alg : algorithms) {
            if (keys.count("alg = ?1 and state = 'active'", alg.name()) == 0) {
                keys.persist(generate(alg, KeyState.ACTIVE.column()));
                notifyChange();
            }
        }
    }

    /** Takes the transaction-scoped advisory lock on the key table (released at commit or rollback), waiting for it. */
    public void lockKeyTable() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + KEY_TABLE_LOCK + ")").getSingleResult();
    }

    /** Takes the key-table lock if no other transaction holds it; false when another replica is changing keys. */
    public boolean tryLockKeyTable() {
        return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(" + KEY_TABLE_LOCK + ")")
                .getSingleResult());
    }

    /** Every row, without key material. Call under the key-table lock to decide on transitions. */
    public List<KeyRecord> records() {
        List<KeyRecord> records = new ArrayList<>();
        for (SigningKeyEntity e : keys.list("order by createdAt")) {
            Optional<KeyAlgorithm> alg = KeyAlgorithm.fromName(e.alg);
            alg.ifPresent(a -> records.add(new KeyRecord(e.kid, a, KeyState.fromColumn(e.state), e.createdAt,
                    e.activatedAt, e.deleteAfter)));
        }
        return records;
    }

    public Optional<KeyRecord> record(String kid) {
        return records().stream().filter(r -> r.kid().equals(kid)).findFirst();
    }

    /**
     * Applies {@code transitions} in order (a retirement before the activation it makes room for). Returns the kids
     * of the keys created. Call inside a transaction holding the key-table lock.
     */
    public List<String> apply(List<KeyTransition> transitions, RotationPolicy policy, Instant now) {
        List<String> created = new ArrayList<>();
        for (KeyTransition t : transitions) {
            if (t instanceof KeyTransition.Retire r) {
                keys.update("state = 'retired', retiredAt = ?1, deleteAfter = ?2 where kid = ?3 and state = 'active'",
                        now, now.plus(policy.retention()), r.kid());
            } else if (t instanceof KeyTransition.Activate a) {
                keys.update("state = 'active', activatedAt = ?1 where kid = ?2 and state = 'next'", now, a.kid());
            } else if (t instanceof KeyTransition.Create c) {
                SigningKeyEntity e = generate(c.alg(), c.state().column());
                keys.persist(e);
                em.flush();
                created.add(e.kid);
            } else if (t instanceof KeyTransition.Delete d) {
                keys.delete("kid = ?1 and state in ('retired', 'revoked')", d.kid());
            }
        }
        if (!transitions.isEmpty()) {
            notifyChange();
        }
        return created;
    }

    /**
     * Withdraws a key at once: it leaves the JWKS, so tokens it signed stop verifying. The row is kept (not
     * published) for the retention period, then deleted by rotation. Returns the state it had.
     */
    public Optional<KeyState> revoke(String kid, RotationPolicy policy, Instant now) {
        Optional<KeyRecord> key = record(kid).filter(r -> r.state() != KeyState.REVOKED);
        key.ifPresent(r -> {
            keys.update("state = 'revoked', retiredAt = ?1, deleteAfter = ?2 where kid = ?3", now,
                    now.plus(policy.retention()), kid);
            notifyChange();
        });
        return key.map(KeyRecord::state);
    }

    /** {@code NOTIFY gatehouse_keys}: delivered to every listener when the current transaction commits. */
    public void notifyChange() {
        em.createNativeQuery("notify " + CHANNEL).executeUpdate();
    }

    /** A new key for {@code alg} in {@code state}, private part encrypted; not yet persisted. */
    public SigningKeyEntity generate(KeyAlgorithm alg, String state) {
        KeyPair pair = alg.generateKeyPair();
        SigningKeyEntity e = new SigningKeyEntity();
        e.kid = alg.name().toLowerCase() + "-" + RandomTokens.randomBytes(12);
        e.alg = alg.name();
        e.state = state;
        e.publicJwk = alg.publicJwk(pair.getPublic(), e.kid);
        e.privateKeyEnc = encryption.encrypt(pair.getPrivate().getEncoded(), e.kid);
        e.createdAt = Instant.now();
        if ("active".equals(state)) {
            e.activatedAt = e.createdAt;
        }
        return e;
    }
}
