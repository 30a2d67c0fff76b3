package io.gatehouse.model.dpop;

import java.time.Instant;

/**
 * A DPoP proof that passed every check of RFC 9449 4.3: {@code jkt} is the JWK SHA-256 thumbprint (RFC 7638) of the
 * key it was signed with, the key a token bound by it carries in {@code cnf.jkt} (RFC 9449 6.1).
 */
public record DpopProof(String jkt, String jti, String htm, String htu, Instant iat, String nonce) {
}
