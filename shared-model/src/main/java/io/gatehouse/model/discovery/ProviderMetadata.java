package io.gatehouse.model.discovery;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenID Provider Configuration / Authorization Server Metadata document (OIDC Discovery 1.0 section 3,
 * RFC 8414 section 2), generated from the capability registry: the issuer, the URL of every served endpoint at
 * its owner's public URL, then every {@link MetadataMember} the served code makes true. Pure.
 */
public final class ProviderMetadata {

    /**
     * How long clients may cache the discovery document and the JWKS ({@code Cache-Control: public, max-age}).
     * A new signing key is published longer than this before it signs (see {@code gatehouse.keys.rotation}).
     */
    public static final Duration CACHE_MAX_AGE = Duration.ofSeconds(300);

    /** The Cache-Control header of the discovery documents and the JWKS. */
    public static final String CACHE_CONTROL = "public, max-age=" + CACHE_MAX_AGE.toSeconds();

    private ProviderMetadata() {
    }

    /** The document, members in a stable order. */
    public static Map<String, Object> document(ProviderFacts facts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", facts.issuer());
        for (Endpoint endpoint : Endpoint.values()) {
            if (facts.serves(endpoint)) {
                endpoint.metadataMember().ifPresent(member -> doc.put(member, facts.url(endpoint)));
            }
        }
        for (MetadataMember member : MetadataMember.values()) {
            member.value(facts).ifPresent(value -> doc.put(member.member(), value));
        }
        return Collections.unmodifiableMap(doc);
    }
}
