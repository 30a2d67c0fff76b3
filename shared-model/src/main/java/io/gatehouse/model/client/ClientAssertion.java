package io.gatehouse.model.client;

import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.jose.NumericDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims rules of a JWT used for client authentication (RFC 7523 3, OIDC Core 9), once its signature verified:
 * iss and sub are the client_id, aud names this authorization server, exp is in the future and not unreasonably far,
 * nbf and iat are not in the future, a jti is present. Pure; the jti replay check is {@link ClientAssertionCheck}'s.
 *
 * @param jti       the assertion's unique identifier
 * @param expiresAt when it expires: its jti must be remembered until then
 */
public record ClientAssertion(String jti, Instant expiresAt) {

    /** Tolerated difference between the client's clock and ours. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** RFC 7523 3 item 4: an exp further away than this is refused, which also bounds the jti table. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(1);
    static final int MAX_JTI_LENGTH = 256;

    public static ClientAssertion validate(Map<String, Object> claims, String clientId, Set<String> audiences, Instant now) {
        if (claims == null) {
            throw invalid("the client assertion payload is not a JSON object");
        }
        if (!clientId.equals(claims.get("iss")) || !clientId.equals(claims.get("sub"))) {
            throw invalid("the client assertion's iss and sub must be the client_id"); // RFC 7523 3 items 1, 2
        }
        if (!audienceMatches(claims.get("aud"), audiences)) {
            throw invalid("the client assertion's aud does not name this authorization server"); // item 3
        }
        Instant exp = epoch(claims.get("exp"));
        if (exp == null || !exp.plus(CLOCK_SKEW).isAfter(now)) {
            throw invalid("the client assertion has no exp or has expired"); // item 4
        }
        if (exp.isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
            throw invalid("the client assertion's exp is too far in the future");
        }
        if (inFuture(claims.get("nbf"), now) || inFuture(claims.get("iat"), now)) {
            throw invalid("the client assertion is not valid yet"); // items 5, 6
        }
        if (!(claims.get("jti") instanceof String jti) || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw invalid("the client assertion has no usable jti"); // item 7
        }
        return new ClientAssertion(jti, exp.plus(CLOCK_SKEW));
    }

    /**
     * RFC 7523 3 item 3: aud identifies this authorization server (its issuer, or the URL of the endpoint). Every
     * audience must be one of those: an assertion also addressed to another party could be replayed there or
     * here (issue 16.11; the rule the OpenID Foundation's FAPI 2 and RFC 7523's update make).
     */
    static boolean audienceMatches(Object aud, Set<String> audiences) {
        if (aud instanceof String s) {
            return audiences.contains(s);
        }
        if (aud instanceof Collection<?> list) {
            return !list.isEmpty() && list.stream().allMatch(audiences::contains);
        }
        return false;
    }

    private static boolean inFuture(Object time, Instant now) {
        if (time == null) {
            return false;
        }
        Instant t = epoch(time);
        return t == null || t.isAfter(now.plus(CLOCK_SKEW));
    }

    private static Instant epoch(Object value) {
        return NumericDate.toInstant(value);
    }

    static RuntimeException invalid(String description) {
        return OAuthError.invalidClient(description).toException();
    }

    /** The audiences a request to {@code endpointUrls} accepts besides the issuer (RFC 7523 3 item 3). */
    static Set<String> audiences(String issuer, List<String> endpointUrls) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        out.add(issuer);
        out.addAll(endpointUrls);
        return Set.copyOf(out);
    }
}
