package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.outbound.OutboundConfig;
import io.gatehouse.model.outbound.OutboundFetch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Fetches the request object a client hosts at its request_uri (OIDC Core 6.2, RFC 9101 5.2.3) through
 * {@link OutboundFetch}: no redirects, connect timeout and total deadline, bounded size, internal addresses refused at
 * connect time. Never called inside a transaction. Nothing is cached: each authorization request fetches its own
 * document. Every failure is one generic {@code invalid_request_uri} (OIDC Core 6.4), the details only in the log;
 * whether the document is a valid request object is for {@code RequestObject} to say.
 */
@ApplicationScoped
public class RequestObjectFetcher {

    /** A compact JWS or JWE (RFC 7515 7.1, RFC 7516 7.1): base64url parts separated by dots. */
    private static final Pattern COMPACT_JWT = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){2,4}");
    static final String UNUSABLE = "the request object could not be fetched from request_uri";

    @Inject
    RequestUriConfig config;
    @Inject
    OutboundConfig outboundConfig;
    @Inject
    OutboundFetch outbound;

    /** The request object at {@code uri} (its fragment removed), as a compact JWT. */
    public String fetch(String uri) {
        URI target;
        try {
            target = URI.create(RequestUriRule.withoutFragment(uri));
        } catch (IllegalArgumentException e) {
            throw unusable();
        }
        OutboundFetch.Purpose purpose = new OutboundFetch.Purpose("request_uri",
                "application/oauth-authz-req+jwt, application/jwt", // RFC 9101 5.2.3
                new OutboundFetch.Limits(outboundConfig.connectTimeout(), config.timeout(), config.maxBytes()),
                config.allowInternalAddresses());
        byte[] bytes;
        try {
            bytes = outbound.fetch(target, purpose);
        } catch (OutboundFetch.FetchFailed e) {
            throw unusable();
        }
        String jwt = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (!COMPACT_JWT.matcher(jwt).matches()) {
            throw AuthorizationError.invalidRequestUri("the document at request_uri is not a request object (a JWT)").toException();
        }
        return jwt;
    }

    private static OAuthException unusable() {
        return AuthorizationError.invalidRequestUri(UNUSABLE).toException();
    }
}
