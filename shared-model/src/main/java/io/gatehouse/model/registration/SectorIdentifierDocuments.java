package io.gatehouse.model.registration;

import java.net.URI;
import java.util.List;

/**
 * Where sector_identifier_uri documents come from (OIDC Registration 5): an outbound fetch that obeys the
 * outbound rules (address policy checked at connect time, deadline, size cap, no redirects, never inside a database
 * transaction). Kept this small so that the fetch can move to a shared outbound fetcher without touching its callers.
 */
public interface SectorIdentifierDocuments {

    /**
     * The redirect URIs the document at {@code uri} lists.
     *
     * @throws io.gatehouse.model.error.OAuthException invalid_client_metadata when it cannot be fetched or is not a
     *                                                 JSON array of strings
     */
    List<String> fetch(URI uri);
}
