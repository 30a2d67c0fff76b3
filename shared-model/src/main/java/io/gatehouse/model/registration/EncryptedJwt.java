package io.gatehouse.model.registration;

import io.gatehouse.model.jose.JweAlgorithm;
import io.gatehouse.model.jose.JweChoice;
import io.gatehouse.model.jose.JweEncryption;
import java.util.Map;
import java.util.Optional;

/**
 * The JWTs a client may ask to be encrypted, with their registration members (OIDC Registration 2): ID tokens and
 * userinfo responses Gatehouse encrypts to the client, and request objects the client encrypts to Gatehouse.
 */
public enum EncryptedJwt {
    ID_TOKEN("id_token_encrypted_response_alg", "id_token_encrypted_response_enc", true),
    USERINFO("userinfo_encrypted_response_alg", "userinfo_encrypted_response_enc", true),
    /** The client encrypts, to Gatehouse's {@code use: enc} keys or with its secret; it may also use another alg. */
    REQUEST_OBJECT("request_object_encryption_alg", "request_object_encryption_enc", false);

    private final String algMember;
    private final String encMember;
    private final boolean toClient;

    EncryptedJwt(String algMember, String encMember, boolean toClient) {
        this.algMember = algMember;
        this.encMember = encMember;
        this.toClient = toClient;
    }

    public String algMember() {
        return algMember;
    }

    public String encMember() {
        return encMember;
    }

    /** Whether Gatehouse encrypts this JWT to the client (so an asymmetric alg needs the client's public key). */
    public boolean toClient() {
        return toClient;
    }

    /**
     * What the client registered, from its validated metadata; empty when it registered no alg. The enc defaults to
     * A128CBC-HS256 (OIDC Registration 2).
     */
    public Optional<JweChoice> registered(Map<String, Object> metadata) {
        if (metadata == null || !(metadata.get(algMember) instanceof String algName)) {
            return Optional.empty();
        }
        Optional<JweAlgorithm> alg = JweAlgorithm.fromValue(algName);
        JweEncryption enc = metadata.get(encMember) instanceof String e
                ? JweEncryption.fromValue(e).orElse(JweEncryption.DEFAULT) : JweEncryption.DEFAULT;
        return alg.map(a -> new JweChoice(a, enc));
    }
}
