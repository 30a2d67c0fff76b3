package io.gatehouse.e2e.ingress;

import io.gatehouse.launcher.Database;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.keys.KeyEncryption;
import io.gatehouse.model.keys.SigningKeyStore;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An RS256 key rotation done to the key table while the replicas run, in the states the design prescribes
 * (DESIGN.md "State"): a new key is first published as {@code next} (it appears in the JWKS before it signs), then,
 * under the key-table advisory lock, the active key becomes {@code retired} (still published until its tokens
 * expire) and the next one {@code active}. The private key is encrypted with the deployment's key-encryption key,
 * through the same {@link KeyEncryption} the services use.
 */
final class KeyRotation {

    private final Database database;
    private final KeyEncryption encryption;

    KeyRotation(Database database, String keyEncryptionKey) {
        this.database = database;
        this.encryption = KeyEncryption.withKey(keyEncryptionKey);
    }

    /** The kid of the active RS256 key, if there is one. */
    Optional<String> activeKid() throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select kid from signing_keys where alg = 'RS256' and state = 'active'")) {
            ResultSet rs = s.executeQuery();
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Inserts a new RS256 key in state {@code next}; returns its kid. */
    String publishNext() throws SQLException {
        KeyPair pair = JwsAlgorithm.RS256.generateKeyPair();
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String kid = "rs256-rotated-" + HexFormat.of().formatHex(random);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "insert into signing_keys (kid, alg, state, public_jwk, private_key_enc, created_at) "
                        + "values (?, 'RS256', 'next', ?::jsonb, ?, now())")) {
            s.setString(1, kid);
            s.setString(2, Json.writeString(Jwk.publicJwk(pair.getPublic(), kid, JwsAlgorithm.RS256)));
            s.setBytes(3, encryption.encrypt(pair.getPrivate().getEncoded(), kid));
            s.executeUpdate();
        }
        return kid;
    }

    /** Retires the active RS256 key (published for another hour) and activates {@code next}, atomically. */
    void promote(String next) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(" + SigningKeyStore.KEY_TABLE_LOCK + ")");
                 PreparedStatement retire = c.prepareStatement("update signing_keys set state = 'retired', retired_at = now(), "
                         + "delete_after = now() + interval '1 hour' where alg = 'RS256' and state = 'active'");
                 PreparedStatement activate = c.prepareStatement("update signing_keys set state = 'active', activated_at = now() "
                         + "where kid = ? and state = 'next'")) {
                lock.execute();
                retire.executeUpdate();
                activate.setString(1, next);
                if (activate.executeUpdate() != 1) {
                    throw new IllegalStateException("key " + next + " is no longer in state next");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
