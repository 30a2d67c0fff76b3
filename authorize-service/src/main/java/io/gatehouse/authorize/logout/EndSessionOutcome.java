package io.gatehouse.authorize.logout;

import io.gatehouse.model.error.OAuthError;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** What the end-session endpoint shows or where it sends the browser. */
public sealed interface EndSessionOutcome {

    /** A refused request that cannot end in a logout: an error page, never a redirect. */
    record ErrorPage(OAuthError error, int status) implements EndSessionOutcome {
    }

    /**
     * Ask the user before logging out (RP-Initiated Logout 1.0 section 2). {@code error} says why a hint or redirect
     * was refused (then the logout, if confirmed, ends on the signed-out page); {@code fields} are the form's hidden
     * inputs, re-checked when the form comes back.
     */
    record Confirm(String clientName, String error, List<Field> fields) implements EndSessionOutcome {
    }

    /**
     * The session has ended (or there was none). {@code frontchannelUris} are loaded in invisible iframes (Front-Channel
     * Logout 1.0 section 3); {@code redirect} is the post-logout redirect with state, or null for the signed-out page.
     */
    record SignedOut(List<String> frontchannelUris, String redirect) implements EndSessionOutcome {
    }

    /** The user answered "stay signed in". */
    record StillSignedIn() implements EndSessionOutcome {
    }

    /** A hidden input of the confirmation form. */
    @TemplateData
    record Field(String name, String value) {
    }
}
