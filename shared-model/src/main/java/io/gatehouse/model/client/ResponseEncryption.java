package io.gatehouse.model.client;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.Jwe;
import io.gatehouse.model.jose.JweChoice;
import io.gatehouse.model.registration.EncryptedJwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;

/**
 * Encrypts what Gatehouse sends a client as the client registered it (OIDC Core 10.2, Registration 2): ID tokens
 * (signed, then encrypted: a nested JWT) and userinfo responses. Asymmetric algorithms encrypt to the client's
 * {@code jwks} or {@code jwks_uri} key; symmetric ones use a key derived from its secret, which only clients whose
 * secret is stored encrypted have. A jwks_uri is fetched by {@link #prefetch} outside any transaction; encryption
 * itself never fetches, so it may run inside one.
 */
@ApplicationScoped
public class ResponseEncryption {

    @Inject
    ClientJwks jwks;
    @Inject
    ClientSecretEncryption secrets;

    /**
     * Fetches (or refreshes from cache) the client's jwks_uri when something Gatehouse sends it will be encrypted to
     * one of its keys. Never call inside a transaction; cheap when the client registered no such encryption.
     */
    public void prefetch(ClientEntity client) {
        if (client == null || client.metadata == null || !(client.metadata.get("jwks_uri") instanceof String)) {
            return;
        }
        for (EncryptedJwt target : EncryptedJwt.values()) {
            if (target.toClient() && target.registered(client.metadata).filter(c -> !c.alg().symmetric()).isPresent()) {
                jwks.keys(client, false);
                return;
            }
        }
    }

    /** What the client registered for {@code target}; refused when the stored value is not one this build supports. */
    public static Optional<JweChoice> registered(ClientEntity client, EncryptedJwt target) {
        Optional<JweChoice> choice = target.registered(client.metadata);
        if (choice.isEmpty() && client.metadata != null && client.metadata.get(target.algMember()) != null) {
            // fail closed: never send in clear what the client asked to have encrypted
            throw unusable(target, "its " + target.algMember() + " is not supported");
        }
        return choice;
    }

    /**
     * Throws when {@code target} is to be encrypted and no key for it is held, so callers can refuse before they
     * write anything.
     */
    public void requireKey(ClientEntity client, EncryptedJwt target) {
        registered(client, target).ifPresent(choice -> {
            if (!choice.alg().symmetric()) {
                publicKey(client, target, choice);
            } else if (client.secretEncrypted == null) {
                throw unusable(target, "Gatehouse holds no secret of it to derive the key from (OIDC Core 10.2)");
            }
        });
    }

    /**
     * {@code payload} encrypted as the client registered for {@code target}, or unchanged when it registered
     * nothing. {@code nested}: the payload is a signed JWT (cty JWT, RFC 7519 5.2), else a JSON claims set.
     *
     * @throws OAuthException invalid_request when no key of the client fits
     */
    public String encrypt(ClientEntity client, EncryptedJwt target, String payload, boolean nested) {
        Optional<JweChoice> registered = registered(client, target);
        if (registered.isEmpty()) {
            return payload;
        }
        JweChoice choice = registered.get();
        String cty = nested ? Jwe.NESTED_JWT : null;
        if (!choice.alg().symmetric()) {
            ClientJwks.EncryptionKey key = publicKey(client, target, choice);
            return Jwe.encrypt(payload, cty, choice.alg(), choice.enc(), key.key(), key.kid());
        }
        byte[] secret = secrets.decrypt(client);
        if (secret == null) {
            throw unusable(target, "Gatehouse holds no secret of it to derive the key from (OIDC Core 10.2)");
        }
        try {
            return Jwe.encrypt(payload, cty, choice.alg(), choice.enc(), Jwe.symmetricKey(secret, choice.alg(), choice.enc()), null);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Whether {@code target} is encrypted for this client. */
    public static boolean encrypts(ClientEntity client, EncryptedJwt target) {
        return registered(client, target).isPresent();
    }

    private ClientJwks.EncryptionKey publicKey(ClientEntity client, EncryptedJwt target, JweChoice choice) {
        return ClientJwks.encryptionKey(jwks.heldKeys(client), choice.alg())
                .orElseThrow(() -> unusable(target, "none of its keys can encrypt with " + choice.alg().value()));
    }

    private static OAuthException unusable(EncryptedJwt target, String why) {
        return OAuthError.invalidRequest("the client registered " + target.algMember() + " but " + why).toException();
    }
}
