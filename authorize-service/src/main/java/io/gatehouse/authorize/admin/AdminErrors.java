package io.gatehouse.authorize.admin;

import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;

/** Errors of the admin API, in the same JSON shape as every Gatehouse error ({@code error}, {@code error_description}). */
public final class AdminErrors {

    private AdminErrors() {
    }

    public static OAuthException notFound(String description) {
        return new OAuthError("not_found", description, 404).toException();
    }

    public static OAuthException conflict(String description) {
        return new OAuthError("conflict", description, 409).toException();
    }

    public static OAuthException invalidRequest(String description) {
        return OAuthError.invalidRequest(description).toException();
    }
}
