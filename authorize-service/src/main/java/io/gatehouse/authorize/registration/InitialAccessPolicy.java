package io.gatehouse.authorize.registration;

import io.gatehouse.model.bearer.BearerChallenge;
import io.gatehouse.model.bearer.BearerTokenExtraction;
import io.gatehouse.model.crypto.Sha256;
import java.util.List;

/**
 * Who may register a client (RFC 7591 3): anyone when registration is open, otherwise the bearer of an initial
 * access token whose hash is configured. Pure.
 */
public record InitialAccessPolicy(boolean open, List<String> tokenHashes) {

    public InitialAccessPolicy {
        tokenHashes = List.copyOf(tokenHashes);
    }

    /**
     * Accepts the request or throws the RFC 6750 challenge: a bare {@code Bearer} challenge when no token was sent,
     * {@code invalid_token} for a token that is not configured.
     *
     * @param authorization values of the Authorization header
     * @param queryTokens   values of an access_token query parameter (refused, RFC 6750 2.3)
     */
    public void check(List<String> authorization, List<String> queryTokens) {
        if (open) {
            return;
        }
        String token = BearerTokenExtraction.extract(authorization, List.of(), queryTokens);
        boolean known = false;
        for (String hash : tokenHashes) {
            known |= Sha256.matches(token, hash.trim()); // every hash compared: no early exit
        }
        if (!known) {
            throw BearerChallenge.invalidToken("the initial access token is not valid");
        }
    }
}
