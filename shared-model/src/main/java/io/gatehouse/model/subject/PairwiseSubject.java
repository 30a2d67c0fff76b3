package io.gatehouse.model.subject;

import io.gatehouse.model.crypto.Sha256;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pairwise subject identifiers (OIDC Core 8.1): {@code sub = base64url(SHA-256(sector || 0x00 || local_sub || 0x00
 * || salt))}. The same local subject gets the same value at every client of one sector and unrelated values across
 * sectors; without the salt no one can recompute or invert it. The NUL separators keep (sector, sub) pairs from
 * colliding by concatenation. Pure.
 */
public final class PairwiseSubject {

    public static final String PAIRWISE = "pairwise";
    public static final String PUBLIC = "public";

    private PairwiseSubject() {
    }

    /**
     * The sector identifier (OIDC Core 8.1): the host of {@code sector_identifier_uri} when registered, else the host
     * shared by every redirect URI; empty when the redirect URIs name no host or several (such a client must register
     * a sector_identifier_uri).
     */
    public static Optional<String> sectorIdentifier(String sectorIdentifierUri, List<String> redirectUris) {
        if (sectorIdentifierUri != null) {
            return host(sectorIdentifierUri);
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String uri : redirectUris) {
            Optional<String> host = host(uri);
            if (host.isEmpty()) {
                return Optional.empty();
            }
            hosts.add(host.get());
        }
        return hosts.size() == 1 ? Optional.of(hosts.iterator().next()) : Optional.empty();
    }

    /** The pairwise {@code sub} of {@code localSubject} for {@code sector}. */
    public static String compute(String sector, String localSubject, byte[] salt) {
        byte[] s = sector.getBytes(StandardCharsets.UTF_8);
        byte[] l = localSubject.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[s.length + 1 + l.length + 1 + salt.length];
        System.arraycopy(s, 0, input, 0, s.length);
        System.arraycopy(l, 0, input, s.length + 1, l.length);
        System.arraycopy(salt, 0, input, s.length + 1 + l.length + 1, salt.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(input));
    }

    private static Optional<String> host(String uri) {
        try {
            String host = URI.create(uri).getHost();
            return host == null || host.isEmpty() ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
