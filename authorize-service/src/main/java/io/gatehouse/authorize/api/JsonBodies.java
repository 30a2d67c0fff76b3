package io.gatehouse.authorize.api;

import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the JSON object of a registration or admin request within {@link JsonApiConfig}'s bounds: too large is 413
 * {@code invalid_request}; not a JSON object, or an array too long, is the caller's own 400 error
 * ({@code invalid_client_metadata} for RFC 7591, {@code invalid_request} for the admin API).
 */
@ApplicationScoped
public class JsonBodies {

    private final JsonDocumentLimits limits;

    @Inject
    public JsonBodies(JsonApiConfig config) {
        this.limits = JsonDocumentLimits.of(config);
    }

    public Map<String, Object> object(String body, String notAnObject, Function<String, OAuthException> invalid) {
        limits.bodyViolation(body).ifPresent(tooLarge -> {
            throw new OAuthError("invalid_request", tooLarge, 413).toException();
        });
        Map<String, Object> parsed = body == null ? null : Json.readObject(body);
        if (parsed == null) {
            throw invalid.apply(notAnObject);
        }
        limits.arrayViolation(parsed).ifPresent(tooLong -> {
            throw invalid.apply(tooLong);
        });
        return parsed;
    }
}
