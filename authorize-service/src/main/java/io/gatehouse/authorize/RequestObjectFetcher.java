package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.logout.OutboundAddressPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.jboss.logging.Logger;

/**
 * Fetches the request object a client hosts at its request_uri (OIDC Core 6.2, RFC 9101 5.2.3): a GET that follows
 * no redirects, with bounded timeouts and size, to addresses the {@link OutboundAddressPolicy} allows. Nothing is
 * cached: each authorization request fetches its own document. Every failure is {@code invalid_request_uri}
 * (OIDC Core 6.4); whether the document is a valid request object is for {@code RequestObject} to say.
 */
@ApplicationScoped
public class RequestObjectFetcher {

    private static final Logger LOG = Logger.getLogger(RequestObjectFetcher.class);
    /** A compact JWS or JWE (RFC 7515 7.1, RFC 7516 7.1): base64url parts separated by dots. */
    private static final Pattern COMPACT_JWT = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){2,4}");

    @Inject
    RequestUriConfig config;

    private HttpClient http;

    /** The request object at {@code uri} (its fragment removed), as a compact JWT. */
    public String fetch(String uri) {
        String target = RequestUriRule.withoutFragment(uri);
        String refused = new OutboundAddressPolicy(config.allowInternalAddresses()).rejection(target);
        if (refused != null) {
            throw unusable("request_uri may not be fetched: " + refused);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(target)).timeout(config.timeout())
                    .header("Accept", "application/oauth-authz-req+jwt, application/jwt").GET().build(); // RFC 9101 5.2.3
        } catch (IllegalArgumentException e) {
            throw unusable("request_uri is not a usable URL");
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw unusable("request_uri answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(config.maxBytes() + 1);
                if (bytes.length > config.maxBytes()) {
                    throw unusable("the document at request_uri is larger than " + config.maxBytes() + " bytes");
                }
                String jwt = new String(bytes, StandardCharsets.US_ASCII).strip();
                if (!COMPACT_JWT.matcher(jwt).matches()) {
                    throw unusable("the document at request_uri is not a request object (a JWT)");
                }
                return jwt;
            }
        } catch (IOException e) {
            LOG.debugf("request_uri %s not fetched: %s", target, e.toString());
            throw unusable("request_uri could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unusable("request_uri could not be fetched");
        }
    }

    /** One client for every fetch (this is on the authorization endpoint's path): default TLS, no redirects. */
    @PostConstruct
    void init() {
        try {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(config.timeout()).sslContext(SSLContext.getDefault()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    private static OAuthException unusable(String description) {
        return AuthorizationError.invalidRequestUri(description).toException();
    }
}
