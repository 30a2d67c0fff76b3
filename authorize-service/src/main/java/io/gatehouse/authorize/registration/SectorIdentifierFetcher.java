package io.gatehouse.authorize.registration;

import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.outbound.OutboundAddressPolicy;
import io.gatehouse.model.registration.RegistrationError;
import io.gatehouse.model.registration.SectorIdentifierDocument;
import io.gatehouse.model.registration.SectorIdentifierDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.jboss.logging.Logger;

/**
 * Fetches a client's sector_identifier_uri document and checks that it lists every redirect URI (OIDC
 * Registration 5): https only, internal addresses refused, bounded timeouts, no redirects, bounded size.
 */
@ApplicationScoped
public class SectorIdentifierFetcher implements SectorIdentifierDocuments {

    private static final Logger LOG = Logger.getLogger(SectorIdentifierFetcher.class);

    @Inject
    RegistrationConfig config;

    @Override
    public List<String> fetch(URI uri) {
        String rejection = new OutboundAddressPolicy(config.allowInternalAddresses()).rejection(uri.toString());
        if (rejection != null) {
            throw unusable("may not be fetched: " + rejection);
        }
        return SectorIdentifierDocument.parse(body(uri));
    }

    private byte[] body(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.sectorIdentifierTimeout())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw unusable("answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(config.sectorIdentifierMaxBytes() + 1);
                if (bytes.length > config.sectorIdentifierMaxBytes()) {
                    throw unusable("document is larger than " + config.sectorIdentifierMaxBytes() + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            LOG.debugf("sector_identifier_uri %s not fetched: %s", uri, e.toString());
            throw unusable("could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unusable("could not be fetched");
        }
    }

    /** A client per fetch: the default TLS context of the moment, never following redirects. */
    private HttpClient client() {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(config.sectorIdentifierTimeout()).sslContext(SSLContext.getDefault()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    private static OAuthException unusable(String problem) {
        return RegistrationError.invalidClientMetadata("sector_identifier_uri " + problem).toException();
    }
}
