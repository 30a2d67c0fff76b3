package io.gatehouse.model.keys;

import io.gatehouse.model.entity.SigningKeyEntity;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.repository.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Signing keys in PostgreSQL: generation, and the rows that are published. */
@ApplicationScoped
public class SigningKeyStore {

    /** pg_advisory_xact_lock key that serialises every change to the key table across replicas. */
    public static final long KEY_TABLE_LOCK = 0x6761746568L; // "gateh"

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

    /** Makes sure each algorithm has an active key, creating the missing ones under the key-table lock. */
    @Transactional
    public void ensureActive(Collection<JwsAlgorithm> algorithms) {
        lockKeyTable();
        for (JwsAlgorithm alg : algorithms) {
            if (keys.count("alg = ?1 and state = 'active'", alg.name()) == 0) {
                keys.persist(generate(alg, "active"));
            }
        }
    }

    /** Takes the transaction-scoped advisory lock on the key table (released at commit or rollback). */
    public void lockKeyTable() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + KEY_TABLE_LOCK + ")").getSingleResult();
    }

    /** A new key for {@code alg} in {@code state}, private part encrypted; not yet persisted. */
    public SigningKeyEntity generate(JwsAlgorithm alg, String state) {
        KeyPair pair = alg.generateKeyPair();
        SigningKeyEntity e = new SigningKeyEntity();
        e.kid = alg.name().toLowerCase() + "-" + RandomTokens.randomBytes(12);
        e.alg = alg.name();
        e.state = state;
        e.publicJwk = Jwk.publicJwk(pair.getPublic(), e.kid, alg);
        e.privateKeyEnc = encryption.encrypt(pair.getPrivate().getEncoded(), e.kid);
        e.createdAt = Instant.now();
        if ("active".equals(state)) {
            e.activatedAt = e.createdAt;
        }
        return e;
    }
}
