package io.gatehouse.model.registration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The document at a sector_identifier_uri (OIDC Registration 5): a JSON array of redirect_uri values, which must
 * contain every redirect_uri the client registers. Pure; the fetch is the caller's.
 */
public final class SectorIdentifierDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SectorIdentifierDocument() {
    }

    /** Refuses with invalid_client_metadata unless {@code body} is a JSON array of strings holding every redirect URI. */
    public static void check(byte[] body, List<String> redirectUris) {
        check(parse(body), redirectUris);
    }

    /** The redirect URIs of a document; invalid_client_metadata unless it is a JSON array of strings. */
    public static List<String> parse(byte[] body) {
        List<?> listed;
        try {
            listed = MAPPER.readValue(body, List.class);
        } catch (IOException | RuntimeException e) {
            throw MetadataValues.invalid("sector_identifier_uri", "does not return a JSON array of redirect URIs");
        }
        if (listed == null || listed.stream().anyMatch(v -> !(v instanceof String))) {
            throw MetadataValues.invalid("sector_identifier_uri", "does not return a JSON array of redirect URIs");
        }
        return listed.stream().map(String.class::cast).toList();
    }

    /** Refuses with invalid_client_metadata unless {@code listed} holds every one of {@code redirectUris}. */
    public static void check(List<String> listed, List<String> redirectUris) {
        List<String> missing = new ArrayList<>();
        for (String uri : redirectUris) {
            if (!listed.contains(uri)) {
                missing.add(uri);
            }
        }
        if (!missing.isEmpty()) {
            throw MetadataValues.invalid("sector_identifier_uri", "document does not list the redirect URIs " + missing
                    + " (OIDC Registration 5)");
        }
    }
}
