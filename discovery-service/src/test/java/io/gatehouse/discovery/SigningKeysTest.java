package io.gatehouse.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.SigningKeyEntity;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeyCache;
import io.gatehouse.model.keys.TokenSigner;
import io.gatehouse.model.keys.TokenVerifier;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.SigningKeyRepository;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SigningKeysTest {

    @Inject
    TokenSigner signer;
    @Inject
    TokenVerifier verifier;
    @Inject
    KeyCache cache;
    @Inject
    SigningKeyRepository keys;
    @Inject
    AccessTokenIssuer accessTokens;
    @Inject
    AccessTokenValidator validator;
    @Inject
    ClientRepository clients;
    @Inject
    GrantRepository grants;

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void tokenSignedWithTheActiveKeyVerifies(JwsAlgorithm alg) throws Exception {
        String token = signer.sign(Map.of("sub", "alice"), "JWT", alg);
        TokenVerifier.VerifiedToken verified = verifier.verify(token);
        assertEquals(alg, verified.alg());
        assertEquals("alice", verified.claims().get("sub"));
    }

    @Inject
    io.gatehouse.model.crypto.CryptoProvider provider;

    @Test
    void nativeSignatureProviderIsActiveOnThisPlatform() {
        assertEquals("AmazonCorrettoCryptoProvider", provider.active());
        assertEquals("AmazonCorrettoCryptoProvider", providerOfEs256());
    }

    private static String providerOfEs256() {
        try {
            return JwsAlgorithm.ES256.newSignature().getProvider().getName();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void privateKeysAreEncryptedAtRest() {
        signer.sign(Map.of("sub", "x"), "JWT", JwsAlgorithm.RS256);
        for (SigningKeyEntity key : QuarkusTransaction.requiringNew().call(() -> keys.listAll())) {
            String algorithm = key.alg.startsWith("EdDSA") ? "Ed25519" : key.alg.startsWith("ES") ? "EC" : "RSA";
            assertThrows(Exception.class, () -> KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.privateKeyEnc)), "stored bytes must not be a usable key");
            assertFalse(key.publicJwk.containsKey("d"));
        }
    }

    @Test
    void tokenWithUnknownKidOrForeignSignatureIsRejected() {
        String token = signer.sign(Map.of("sub", "alice"), "JWT", JwsAlgorithm.ES256);
        String[] parts = token.split("\\.");
        // Right kid, wrong key: the signature was made by a key Gatehouse never had.
        String otherKey = io.gatehouse.model.jose.Jws.sign(Map.of("sub", "alice"), JwsAlgorithm.ES256,
                cache.active(JwsAlgorithm.ES256).kid(), "JWT", JwsAlgorithm.ES256.generateKeyPair().getPrivate());
        assertThrows(InvalidJwsException.class, () -> verifier.verify(otherKey));
        String unknownKid = io.gatehouse.model.jose.Jws.sign(Map.of("sub", "a"), JwsAlgorithm.ES256, "nope", "JWT",
                JwsAlgorithm.ES256.generateKeyPair().getPrivate());
        assertThrows(InvalidJwsException.class, () -> verifier.verify(unknownKid));
        assertThrows(InvalidJwsException.class, () -> verifier.verify(parts[0] + "." + parts[1] + "."));
    }

    @Test
    void accessTokenValidatesUntilItsGrantIsRevoked() throws Exception {
        UUID grantId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ClientEntity client = new ClientEntity();
            client.clientId = "keys-test-" + grantId;
            clients.persist(client);
            GrantEntity grant = new GrantEntity();
            grant.id = grantId;
            grant.clientId = client.clientId;
            grant.scope = "openid";
            grants.persist(grant);
        });
        AccessTokenIssuer.IssuedAccessToken issued = accessTokens.issue("user-1", "keys-test-" + grantId, "openid profile",
                grantId, Instant.now(), null);
        AccessTokenValidator.ValidatedAccessToken valid = validator.validate(issued.value());
        assertEquals("user-1", valid.sub());
        assertTrue(valid.hasScope("profile"));
        assertEquals(grantId, valid.grantId());

        QuarkusTransaction.requiringNew().run(() -> grants.findById(grantId).revokedAt = Instant.now());
        assertThrows(AccessTokenValidator.InvalidAccessTokenException.class, () -> validator.validate(issued.value()));
    }

    @Test
    void idTokenIsNotAcceptedAsAccessToken() {
        String idToken = signer.sign(Map.of("sub", "alice", "iss", "x"), "JWT", JwsAlgorithm.RS256);
        assertThrows(AccessTokenValidator.InvalidAccessTokenException.class, () -> validator.validateStateless(idToken));
    }
}
