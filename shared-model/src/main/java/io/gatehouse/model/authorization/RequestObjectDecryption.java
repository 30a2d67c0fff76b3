package io.gatehouse.model.authorization;

import io.gatehouse.model.client.ClientSecretEncryption;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.EncryptionKeyType;
import io.gatehouse.model.jose.InvalidJweException;
import io.gatehouse.model.jose.Jwe;
import io.gatehouse.model.keys.KeyCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * Decrypts request objects (OIDC Core 6.1, 10.2; RFC 9101 6.1): RSA-OAEP and ECDH-ES with Gatehouse's published
 * {@code use: enc} keys (active, next or retired, chosen by the kid when the JWE names one), the symmetric
 * algorithms with the key derived from the client's secret. A client may use any supported algorithm, whatever it
 * registered as request_object_encryption_alg (OIDC Registration 2). Every failure is invalid_request_object.
 */
@ApplicationScoped
public class RequestObjectDecryption implements RequestObject.Decryption {

    @Inject
    KeyCache keys;
    @Inject
    ClientSecretEncryption secrets;

    @Override
    public String decrypt(String jwe, ClientEntity client) {
        try {
            Jwe.Header header = Jwe.header(jwe);
            if (header.alg().symmetric()) {
                byte[] secret = secrets.decrypt(client);
                if (secret == null) {
                    throw invalid("the request object uses " + header.alg().value() + " but Gatehouse holds no secret of "
                            + "this client to derive the key from (OIDC Core 10.2)");
                }
                try {
                    return Jwe.decrypt(jwe, Jwe.symmetricKey(secret, header.alg(), header.enc()));
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
            }
            EncryptionKeyType type = EncryptionKeyType.forAlgorithm(header.alg()).orElseThrow();
            List<KeyCache.CachedKey> candidates = keys.decryptionKeys(type, header.kid());
            if (candidates.isEmpty()) {
                throw invalid("no encryption key of this server has the request object's kid");
            }
            for (KeyCache.CachedKey key : candidates) {
                try {
                    return Jwe.decrypt(jwe, keys.signingKey(key));
                } catch (InvalidJweException e) {
                    // another published key of the type may be the one
                }
            }
            throw invalid("the request object does not decrypt");
        } catch (InvalidJweException e) {
            throw invalid("the request object is not a usable JWE: " + e.getMessage());
        }
    }

    private static OAuthException invalid(String description) {
        return AuthorizationError.invalidRequestObject(description).toException();
    }
}
