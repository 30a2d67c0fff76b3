package io.gatehouse.authorize.logout;

import io.gatehouse.authorize.BrowserRequest;
import io.gatehouse.authorize.PageTexts;
import io.gatehouse.authorize.Pages;
import io.gatehouse.authorize.Sessions;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.logout.EndSessionRequest;
import io.gatehouse.model.request.FormParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-session endpoint (OpenID Connect RP-Initiated Logout 1.0 section 2: GET and POST) and its confirmation form:
 * parse, call {@link EndSession}, render. The session cookie is cleared on every answer that follows a logout.
 */
@Path("/end-session")
public class EndSessionResource {

    @Inject
    EndSession endSession;
    @Inject
    LogoutPages pages;
    @Inject
    Sessions sessions;

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(uri.getQueryParameters(), headers, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return answer(form, headers, true);
    }

    /** The confirmation page's form (never called by relying parties). */
    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        Map<String, String> fields;
        try {
            fields = FormParameters.single(form);
        } catch (OAuthException e) {
            return pages.error(texts(headers, null), new EndSessionOutcome.ErrorPage(e.error(), 400)).build();
        }
        EndSessionOutcome outcome = endSession.confirmed(fields, BrowserRequest.cookie(headers, Sessions.COOKIE));
        return render(outcome, texts(headers, fields.get("ui_locales")), true);
    }

    private Response answer(MultivaluedMap<String, String> params, HttpHeaders headers, boolean post) {
        EndSessionRequest request;
        try {
            request = EndSessionRequest.parse(params);
        } catch (IllegalArgumentException e) {
            return pages.error(texts(headers, null), new EndSessionOutcome.ErrorPage(OAuthError.invalidRequest(e.getMessage()), 400)).build();
        }
        String cookie = BrowserRequest.cookie(headers, Sessions.COOKIE);
        if (post && cookie == null) {
            // A relying party's cross-site form POST arrives without the SameSite=Lax session cookie; the same request
            // as a top-level GET navigation carries it, so the session it is about can be seen (and ended).
            return Pages.noStore(Response.seeOther(java.net.URI.create("/end-session?" + query(request))))
                    .header("Content-Security-Policy", Pages.CSP).build();
        }
        return render(endSession.request(request, cookie), texts(headers, request.uiLocales()), post);
    }

    private Response render(EndSessionOutcome outcome, PageTexts t, boolean afterPost) {
        if (outcome instanceof EndSessionOutcome.ErrorPage e) {
            return pages.error(t, e).build();
        }
        if (outcome instanceof EndSessionOutcome.Confirm c) {
            return pages.confirmation(t, c).build();
        }
        if (outcome instanceof EndSessionOutcome.StillSignedIn) {
            return pages.stillSignedIn(t).build();
        }
        return pages.signedOut(t, (EndSessionOutcome.SignedOut) outcome, afterPost).cookie(sessions.clearedCookie()).build();
    }

    /** Page language: ui_locales (RP-Initiated Logout 1.0 section 2, space-separated tags), then Accept-Language. */
    private static PageTexts texts(HttpHeaders headers, String uiLocales) {
        List<String> tags = uiLocales == null ? List.of() : Arrays.stream(uiLocales.split(" ")).filter(s -> !s.isEmpty()).toList();
        return BrowserRequest.texts(headers, tags);
    }

    private static String query(EndSessionRequest r) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "id_token_hint", r.idTokenHint());
        put(p, "logout_hint", r.logoutHint());
        put(p, "client_id", r.clientId());
        put(p, "post_logout_redirect_uri", r.postLogoutRedirectUri());
        put(p, "state", r.state());
        put(p, "ui_locales", r.uiLocales());
        return LogoutUris.query(p);
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }
}
