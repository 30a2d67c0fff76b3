package io.gatehouse.model.dpop;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** DPoP proofs (RFC 9449): how old a proof may be, and whether the server demands nonces. */
@ConfigMapping(prefix = "gatehouse.dpop")
public interface DpopConfig {

    /**
     * The oldest {@code iat} a proof may carry (RFC 9449 11.1); its jti is remembered for that long, at every replica,
     * so a proof is accepted once. Default 60 seconds.
     */
    @WithDefault("60s")
    Duration proofMaxAge();

    /** How far in the future a proof's {@code iat} may lie, for clocks of clients that run ahead. Default 5 seconds. */
    @WithDefault("5s")
    Duration clockSkew();

    /** Server-provided nonces (RFC 9449 8, 9). */
    Nonce nonce();

    interface Nonce {
        /**
         * Demand a server-provided nonce in every proof, at the token and PAR endpoints and at userinfo. A proof
         * without it gets {@code use_dpop_nonce} and a {@code DPoP-Nonce} header. Default {@code false}.
         */
        @WithDefault("false")
        boolean required();

        /**
         * How long a nonce is good for. Nonces are derived from the key-encryption key and the time, so every
         * replica accepts every other's; one stays valid for between one and two of these periods. Default 5 min.
         */
        @WithDefault("5m")
        Duration lifetime();
    }
}
