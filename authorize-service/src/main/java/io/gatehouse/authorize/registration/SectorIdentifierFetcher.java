package io.gatehouse.authorize.registration;

import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.outbound.OutboundConfig;
import io.gatehouse.model.outbound.OutboundFetch;
import io.gatehouse.model.registration.RegistrationError;
import io.gatehouse.model.registration.SectorIdentifierDocument;
import io.gatehouse.model.registration.SectorIdentifierDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;

/**
 * Fetches a client's sector_identifier_uri document and checks that it lists every redirect URI (OIDC
 * Registration 5), through the shared {@link OutboundFetch}: outside any transaction, internal addresses refused on
 * the address connected to, connect timeout and total deadline, no redirects, bounded size. Every failure is one
 * generic {@code invalid_client_metadata}; the details are in the log.
 */
@ApplicationScoped
public class SectorIdentifierFetcher implements SectorIdentifierDocuments {

    @Inject
    RegistrationConfig config;
    @Inject
    OutboundConfig outboundConfig;
    @Inject
    OutboundFetch outbound;

    @Override
    public List<String> fetch(URI uri) {
        OutboundFetch.Purpose purpose = new OutboundFetch.Purpose("sector_identifier_uri", "application/json",
                new OutboundFetch.Limits(outboundConfig.connectTimeout(), config.sectorIdentifierTimeout(),
                        config.sectorIdentifierMaxBytes()),
                config.allowInternalAddresses());
        try {
            return SectorIdentifierDocument.parse(outbound.fetch(uri, purpose));
        } catch (OutboundFetch.FetchFailed e) {
            throw unusable("could not be fetched");
        }
    }

    private static OAuthException unusable(String problem) {
        return RegistrationError.invalidClientMetadata("sector_identifier_uri " + problem).toException();
    }
}
