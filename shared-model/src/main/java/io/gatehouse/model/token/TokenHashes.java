package io.gatehouse.model.token;

import io.gatehouse.model.jose.Jws;
import io.gatehouse.model.jose.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** at_hash and c_hash (OIDC Core 3.1.3.6, 3.3.2.11): base64url of the left half of the hash of the ASCII value. */
public final class TokenHashes {

    private TokenHashes() {
    }

    public static String leftHalfHash(String value, JwsAlgorithm alg) {
        try {
            byte[] digest = MessageDigest.getInstance(alg.hashAlgorithm()).digest(value.getBytes(StandardCharsets.US_ASCII));
            return Jws.base64Url(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
