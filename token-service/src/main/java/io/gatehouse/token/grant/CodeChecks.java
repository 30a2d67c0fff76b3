package io.gatehouse.token.grant;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.token.Pkce;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The checks of a presented authorization code before it is consumed, each one spec rule. */
@ApplicationScoped
public class CodeChecks {

    public void check(AuthorizationCodeEntity code, TokenRequest request, AuthenticatedClient client) {
        notExpired(code);
        redirectUriMatches(code, request.optional("redirect_uri"), client.client().redirectUris);
        pkce(code, request.optional("code_verifier"), client.isPublic());
        dpopBinding(code, request.dpopJkt());
    }

    /** RFC 9449 10: a code issued for dpop_jkt is redeemed only with a proof by that key. */
    static void dpopBinding(AuthorizationCodeEntity code, String proofJkt) {
        if (code.dpopJkt != null && !code.dpopJkt.equals(proofJkt)) {
            throw OAuthError.invalidGrant(proofJkt == null ? "the authorization code is bound to a DPoP key: a DPoP proof is required"
                    : "the DPoP proof's key does not match the dpop_jkt of the authorization request").toException();
        }
    }

    /** RFC 6749 4.1.2: a code is short-lived. */
    static void notExpired(AuthorizationCodeEntity code) {
        if (!code.expiresAt.isAfter(Instant.now())) {
            throw OAuthError.invalidGrant("the authorization code has expired").toException();
        }
    }

    /**
     * RFC 6749 4.1.3: redirect_uri must be identical to the one of the authorization request (simple string
     * comparison, RFC 9700 2.1). It may be left out only where the authorization request could leave it out: the
     * client registered exactly one redirect URI and the code was issued for it (RFC 6749 3.1.2.3).
     */
    static void redirectUriMatches(AuthorizationCodeEntity code, String redirectUri, List<String> registered) {
        if (redirectUri == null) {
            if (registered == null || registered.size() != 1 || !registered.get(0).equals(code.redirectUri)) {
                throw OAuthError.invalidRequest("redirect_uri is required").toException();
            }
        } else if (!redirectUri.equals(code.redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri does not match the authorization request").toException();
        }
    }

    /**
     * RFC 7636 4.6: the code_verifier must match the stored challenge by the stored method (plain only if the code
     * says so). A code without a challenge accepts no verifier (RFC 9700 2.1.1) and is refused to a public client,
     * which must use PKCE.
     */
    static void pkce(AuthorizationCodeEntity code, String verifier, boolean publicClient) {
        if (code.codeChallenge == null) {
            if (publicClient) {
                throw OAuthError.invalidGrant("public clients must use PKCE").toException();
            }
            if (verifier != null) {
                throw OAuthError.invalidGrant("code_verifier sent, but the authorization request had no code_challenge").toException();
            }
            return;
        }
        if (verifier == null) {
            throw OAuthError.invalidGrant("code_verifier is required").toException();
        }
        if (!Pkce.verify(code.codeChallenge, code.codeChallengeMethod, verifier)) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge").toException();
        }
    }
}
