package io.gatehouse.model.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The TOTP authenticators and recovery codes of users (V93: {@code user_totp}, {@code user_recovery_codes}). Holds
 * what it is given: the secret already encrypted, the codes already hashed. Each use is one conditional update, so of
 * parallel logins with the same code exactly one wins.
 */
@ApplicationScoped
public class SecondFactors {

    /** A user's authenticator: the encrypted secret, whether it is confirmed, the last step used. */
    public record Authenticator(UUID userId, byte[] secretEnc, Instant confirmedAt, long lastUsedStep) {
        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    @Inject
    EntityManager em;

    @Transactional
    public Optional<Authenticator> find(UUID userId) {
        List<?> rows = em.createNativeQuery("select secret_enc, confirmed_at, last_used_step from user_totp where user_id = ?1")
                .setParameter(1, userId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Authenticator(userId, (byte[]) r[0], instant(r[1]), ((Number) r[2]).longValue()));
    }

    /** Whether {@code userId} has a confirmed authenticator (then login asks for a code). */
    @Transactional
    public boolean enrolled(UUID userId) {
        return find(userId).map(Authenticator::confirmed).orElse(false);
    }

    /** Starts (or restarts) an enrolment with a new secret; false if a confirmed authenticator exists. */
    @Transactional
    public boolean begin(UUID userId, byte[] secretEnc) {
        return em.createNativeQuery("insert into user_totp (user_id, secret_enc) values (?1, ?2) on conflict (user_id) do update "
                        + "set secret_enc = excluded.secret_enc, created_at = now(), last_used_step = 0 "
                        + "where user_totp.confirmed_at is null")
                .setParameter(1, userId).setParameter(2, secretEnc).executeUpdate() == 1;
    }

    /**
     * Confirms the enrolment with the first code's step and stores the recovery codes, in one transaction; false if
     * there is nothing to confirm (already confirmed, or no enrolment).
     */
    @Transactional
    public boolean confirm(UUID userId, long step, List<String> recoveryCodeHashes) {
        int confirmed = em.createNativeQuery("update user_totp set confirmed_at = now(), last_used_step = ?2 "
                        + "where user_id = ?1 and confirmed_at is null")
                .setParameter(1, userId).setParameter(2, step).executeUpdate();
        if (confirmed == 0) {
            return false;
        }
        replaceRecoveryCodes(userId, recoveryCodeHashes);
        return true;
    }

    /** Marks {@code step} used if it is later than the last one used: true for exactly one caller. */
    @Transactional
    public boolean useStep(UUID userId, long step) {
        return em.createNativeQuery("update user_totp set last_used_step = ?2 "
                        + "where user_id = ?1 and confirmed_at is not null and last_used_step < ?2")
                .setParameter(1, userId).setParameter(2, step).executeUpdate() == 1;
    }

    /** Uses an unused recovery code: true for exactly one caller. */
    @Transactional
    public boolean useRecoveryCode(UUID userId, String codeHash) {
        return em.createNativeQuery("update user_recovery_codes set used_at = now() "
                        + "where user_id = ?1 and code_hash = ?2 and used_at is null")
                .setParameter(1, userId).setParameter(2, codeHash).executeUpdate() == 1;
    }

    @Transactional
    public long unusedRecoveryCodes(UUID userId) {
        return ((Number) em.createNativeQuery("select count(*) from user_recovery_codes where user_id = ?1 and used_at is null")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void replaceRecoveryCodes(UUID userId, List<String> hashes) {
        em.createNativeQuery("delete from user_recovery_codes where user_id = ?1").setParameter(1, userId).executeUpdate();
        for (String h : hashes) {
            em.createNativeQuery("insert into user_recovery_codes (user_id, code_hash) values (?1, ?2)")
                    .setParameter(1, userId).setParameter(2, h).executeUpdate();
        }
    }

    /** Removes the authenticator and the recovery codes (the user's own removal, or an operator's reset). */
    @Transactional
    public boolean remove(UUID userId) {
        int removed = em.createNativeQuery("delete from user_totp where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from user_recovery_codes where user_id = ?1").setParameter(1, userId).executeUpdate();
        return removed == 1;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("timestamp of type " + value.getClass());
    }
}
