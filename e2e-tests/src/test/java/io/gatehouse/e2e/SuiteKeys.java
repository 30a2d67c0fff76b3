package io.gatehouse.e2e;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The running suite's own signing keys, read from its database and decrypted with its key-encryption key, as an
 * operator with both could (docs/keys.md: AES-256-GCM, 12-byte nonce first, the kid as additional authenticated
 * data). Written here with the JDK alone, independently of Gatehouse's code.
 */
public final class SuiteKeys {

    public record ActiveKey(String kid, String alg, PrivateKey privateKey) {
    }

    private SuiteKeys() {
    }

    public static Connection database() throws SQLException {
        var db = TestDatabase.get();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    public static ActiveKey active(String alg) throws Exception {
        try (Connection c = database();
             PreparedStatement s = c.prepareStatement("select kid, private_key_enc from signing_keys where alg = ? and state = 'active'")) {
            s.setString(1, alg);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no active " + alg + " key");
                }
                String kid = r.getString(1);
                byte[] pkcs8 = decrypt(r.getBytes(2), kid);
                String keyAlgorithm = switch (alg) {
                    case "ES256" -> "EC";
                    case "EdDSA" -> "Ed25519";
                    default -> "RSA";
                };
                return new ActiveKey(kid, alg, KeyFactory.getInstance(keyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            }
        }
    }

    /** An RFC 9068 access token signed with {@code key} (RS256 or PS256), as token-service would issue it. */
    public static String accessToken(ActiveKey key, String issuer, String sub, String clientId, String scope, UUID grant)
            throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(sub).audience(issuer)
                .expirationTime(Date.from(now.plusSeconds(300))).issueTime(Date.from(now)).jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId).claim("scope", scope).claim("grant_id", grant.toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(key.alg())).keyID(key.kid())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.privateKey()));
        return jwt.serialize();
    }

    private static byte[] decrypt(byte[] stored, String kid) throws GeneralSecurityException {
        byte[] kek = Base64.getDecoder().decode(RunningSuite.keyEncryptionKey());
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, stored, 0, 12));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(stored, 12, stored.length - 12);
    }
}
