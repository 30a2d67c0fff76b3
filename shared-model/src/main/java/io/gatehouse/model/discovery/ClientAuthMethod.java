package io.gatehouse.model.discovery;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Client authentication methods (OIDC Core 9, RFC 7591 2) and the JWS algorithms accepted in client assertions
 * of the two JWT methods (RFC 7523 2.2). Which endpoints accept them is said by {@link MetadataMember}.
 */
public enum ClientAuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic", List.of()),
    CLIENT_SECRET_POST("client_secret_post", List.of()),
    /** HMAC with the client secret. */
    CLIENT_SECRET_JWT("client_secret_jwt", List.of("HS256")),
    /** Signed with a key of the client's registered JWKS. */
    PRIVATE_KEY_JWT("private_key_jwt", List.of("RS256", "PS256", "ES256", "EdDSA")),
    /** Public clients: no authentication, client_id only. */
    NONE("none", List.of());

    private final String value;
    private final List<String> assertionAlgorithms;

    ClientAuthMethod(String value, List<String> assertionAlgorithms) {
        this.value = value;
        this.assertionAlgorithms = assertionAlgorithms;
    }

    public String value() {
        return value;
    }

    /** JWS algorithms of client assertions of this method; empty for the methods without an assertion. */
    public List<String> assertionAlgorithms() {
        return assertionAlgorithms;
    }

    /** Whether the method proves who the client is ({@code none} does not). */
    public boolean authenticates() {
        return this != NONE;
    }

    /**
     * The methods and assertion algorithms Gatehouse ships an authenticator for; the running services advertise what
     * their {@code ClientAuthenticator} beans say (a test keeps the two equal).
     */
    public static java.util.Map<String, List<String>> shipped() {
        java.util.Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        Arrays.stream(values()).forEach(v -> m.put(v.value, v.assertionAlgorithms));
        return m;
    }

    public static Optional<ClientAuthMethod> fromValue(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }
}
