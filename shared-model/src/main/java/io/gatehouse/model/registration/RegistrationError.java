package io.gatehouse.model.registration;

import io.gatehouse.model.error.OAuthError;

/** The error codes of client registration (RFC 7591 3.2.2), answered as JSON with status 400. */
public final class RegistrationError {

    private RegistrationError() {
    }

    /** RFC 7591 3.2.2: the value of one or more redirection URIs is invalid. */
    public static OAuthError invalidRedirectUri(String description) {
        return new OAuthError("invalid_redirect_uri", printable(description), 400);
    }

    /** RFC 7591 3.2.2: the value of one of the client metadata fields is invalid or the set is inconsistent. */
    public static OAuthError invalidClientMetadata(String description) {
        return new OAuthError("invalid_client_metadata", printable(description), 400);
    }

    /** RFC 6749 5.2: error_description is limited to %x20-21 / %x23-5B / %x5D-7E; other characters become '?'. */
    static String printable(String description) {
        StringBuilder b = new StringBuilder(description.length());
        for (char c : description.toCharArray()) {
            b.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '?');
        }
        return b.toString();
    }
}
