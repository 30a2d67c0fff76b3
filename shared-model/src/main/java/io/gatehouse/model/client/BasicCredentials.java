package io.gatehouse.model.client;

import io.gatehouse.model.error.OAuthError;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;

/**
 * The client_id and secret of an {@code Authorization: Basic} header (RFC 7617 2), each encoded with the
 * application/x-www-form-urlencoded algorithm before being joined by a colon (RFC 6749 2.3.1). Pure.
 */
public record BasicCredentials(String clientId, String secret) {

    private static final String SCHEME = "basic";

    /** Whether the header uses the Basic scheme (case-insensitive, RFC 7235 2.1). */
    public static boolean isBasic(String header) {
        return header != null && header.length() >= 5 && header.substring(0, 5).toLowerCase(Locale.ROOT).equals(SCHEME)
                && (header.length() == 5 || header.charAt(5) == ' ');
    }

    /** Parses a Basic header; anything malformed is {@code invalid_client} (the client tried to authenticate). */
    public static BasicCredentials parse(String header) {
        if (!isBasic(header)) {
            throw malformed();
        }
        String token = header.substring(5).trim();
        String decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(token);
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw malformed();
        }
        String clientId = formDecode(decoded.substring(0, colon));
        String secret = formDecode(decoded.substring(colon + 1));
        if (clientId.isEmpty()) {
            throw malformed();
        }
        return new BasicCredentials(clientId, secret);
    }

    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static RuntimeException malformed() {
        return OAuthError.invalidClient("malformed HTTP Basic credentials (RFC 6749 2.3.1)").toException();
    }

    @Override
    public String toString() {
        return "BasicCredentials[clientId=" + clientId + "]";
    }
}
