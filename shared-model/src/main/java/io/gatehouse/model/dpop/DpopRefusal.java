package io.gatehouse.model.dpop;

import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import java.util.Map;

/**
 * Why a request's DPoP proof was refused (RFC 9449 4.3, 8, 9): {@code invalid_dpop_proof}, or {@code use_dpop_nonce}
 * with the nonce the client must put in its next proof. The authorization server answers it as an RFC 6749 5.2
 * error (400, {@link #toTokenError}), a protected resource as a {@code DPoP} challenge (401, RFC 9449 7.1).
 */
public class DpopRefusal extends RuntimeException {

    public static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";
    public static final String USE_DPOP_NONCE = "use_dpop_nonce";
    /** RFC 9449 8.1: the header that hands out a nonce. */
    public static final String DPOP_NONCE_HEADER = "DPoP-Nonce";

    private final String error;
    private final String description;
    private final String nonce;

    private DpopRefusal(String error, String description, String nonce) {
        super(error + ": " + description, null, false, false);
        this.error = error;
        this.description = description;
        this.nonce = nonce;
    }

    public static DpopRefusal invalid(String description) {
        return new DpopRefusal(INVALID_DPOP_PROOF, description, null);
    }

    /** RFC 9449 8: the proof must carry {@code nonce}. */
    public static DpopRefusal useNonce(String description, String nonce) {
        return new DpopRefusal(USE_DPOP_NONCE, description, nonce);
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    /** The nonce to send in {@code DPoP-Nonce}, or null. */
    public String nonce() {
        return nonce;
    }

    /** RFC 9449 5 and 8: as the token and PAR endpoints answer it, 400 with the nonce header where there is one. */
    public OAuthException toTokenError() {
        return new OAuthException(new OAuthError(error, description, 400), null,
                nonce == null ? Map.of() : Map.of(DPOP_NONCE_HEADER, nonce));
    }
}
