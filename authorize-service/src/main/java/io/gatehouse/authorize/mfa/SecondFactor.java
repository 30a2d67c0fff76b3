package io.gatehouse.authorize.mfa;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.keys.KeyEncryption;
import io.gatehouse.model.otp.Base32;
import io.gatehouse.model.otp.OtpAuthUri;
import io.gatehouse.model.otp.RecoveryCodes;
import io.gatehouse.model.otp.Totp;
import io.gatehouse.model.store.SecondFactors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A user's second factor: a TOTP authenticator (RFC 6238) enrolled on the account page, and recovery codes. The
 * secret is stored encrypted under the key-encryption key (bound to the user's id), recovery codes as HMACs under a
 * key derived from it. A TOTP step or a recovery code is accepted once, by one conditional update.
 */
@ApplicationScoped
public class SecondFactor {

    @Inject
    SecondFactors store;
    @Inject
    KeyEncryption encryption;
    @Inject
    GatehouseConfig config;
    @Inject
    AuditTrail audit;

    /** An enrolment in progress: the secret as text (for typing), the otpauth URI and its QR code. */
    public record Enrolment(String secret, String uri, String qrSvg) {
    }

    /** What the account page shows: a confirmed authenticator (with the recovery codes left), one being set up, or none. */
    public record Status(boolean enrolled, long recoveryCodesLeft, Optional<Enrolment> pending) {
    }

    public boolean enrolled(UUID userId) {
        return store.enrolled(userId);
    }

    public long recoveryCodesLeft(UUID userId) {
        return store.unusedRecoveryCodes(userId);
    }

    /** One read of the authenticator, then the recovery codes left only when it is confirmed. */
    public Status status(UUID userId, String username) {
        Optional<SecondFactors.Authenticator> a = store.find(userId);
        if (a.isPresent() && a.get().confirmed()) {
            return new Status(true, store.unusedRecoveryCodes(userId), Optional.empty());
        }
        return new Status(false, 0, a.map(x -> enrolment(username, secret(x))));
    }

    /** A new secret for {@code userId}; empty when a confirmed authenticator exists (remove it first). */
    public Optional<Enrolment> begin(UUID userId, String username) {
        byte[] secret = RandomTokens.raw(Totp.SECRET_BYTES);
        if (!store.begin(userId, encryption.encrypt(secret, aad(userId)))) {
            return Optional.empty();
        }
        return Optional.of(enrolment(username, secret));
    }

    private Enrolment enrolment(String username, byte[] secret) {
        String uri = OtpAuthUri.of(config.issuer(), username, secret);
        return new Enrolment(Base32.encode(secret), uri, QrCode.svg(uri));
    }

    /**
     * Confirms the enrolment with a code from the app: the recovery codes (shown once) when it matches, empty
     * otherwise. Audited.
     */
    @Transactional
    public Optional<List<String>> confirm(UUID userId, String code, String sourceIp) {
        Optional<SecondFactors.Authenticator> a = store.find(userId).filter(x -> !x.confirmed());
        if (a.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.verify(secret(a.get()), code, Totp.step(Instant.now()), a.get().lastUsedStep());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = RecoveryCodes.generate();
        if (!store.confirm(userId, step.getAsLong(), codes.stream().map(c -> hash(RecoveryCodes.normalize(c))).toList())) {
            return Optional.empty();
        }
        audit.record(new AuditEvent("second_factor_enrolled", userId, null, sourceIp, Map.of("method", "totp")));
        return Optional.of(codes);
    }

    /** How a login's second step was answered. */
    public enum Answer { TOTP, RECOVERY_CODE, REFUSED }

    /**
     * Checks what the user typed at login: a current TOTP code not used before (±1 step), or an unused recovery code.
     * Of parallel attempts with the same code, one is accepted.
     */
    @Transactional
    public Answer verify(UUID userId, String presented) {
        Optional<SecondFactors.Authenticator> a = store.find(userId).filter(SecondFactors.Authenticator::confirmed);
        if (a.isEmpty() || presented == null) {
            return Answer.REFUSED;
        }
        OptionalLong step = Totp.verify(secret(a.get()), presented, Totp.step(Instant.now()), a.get().lastUsedStep());
        if (step.isPresent()) {
            return store.useStep(userId, step.getAsLong()) ? Answer.TOTP : Answer.REFUSED;
        }
        String recovery = RecoveryCodes.normalize(presented);
        if (recovery != null && store.useRecoveryCode(userId, hash(recovery))) {
            audit.record(new AuditEvent("recovery_code_used", userId, null, null, Map.of()));
            return Answer.RECOVERY_CODE;
        }
        return Answer.REFUSED;
    }

    /** {@link #verify}, empty when refused. */
    public Optional<Answer> accepted(UUID userId, String presented) {
        return Optional.of(verify(userId, presented)).filter(a -> a != Answer.REFUSED);
    }

    /** Removes the authenticator and the recovery codes; {@code by} says who ("user" or "admin"). Audited. */
    @Transactional
    public boolean remove(UUID userId, String by, String sourceIp) {
        boolean removed = store.remove(userId);
        if (removed) {
            audit.record(new AuditEvent("second_factor_removed", userId, null, sourceIp, Map.of("by", by)));
        }
        return removed;
    }

    private byte[] secret(SecondFactors.Authenticator a) {
        return encryption.decrypt(a.secretEnc(), aad(a.userId()));
    }

    private String hash(String normalizedRecoveryCode) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(encryption.mac("recovery-codes").tag(normalizedRecoveryCode.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String aad(UUID userId) {
        return "totp:" + userId;
    }
}
