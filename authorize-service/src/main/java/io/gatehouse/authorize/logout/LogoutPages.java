package io.gatehouse.authorize.logout;

import io.gatehouse.authorize.PageTexts;
import io.gatehouse.authorize.Pages;
import io.gatehouse.model.crypto.RandomTokens;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pages of logout: the confirmation form and the signed-out page, which loads the front-channel logout iframes
 * and then continues to the post-logout redirect. Each carries the headers of every Gatehouse page ({@link Pages});
 * the signed-out page's Content-Security-Policy adds exactly the origins it frames and a nonce for its one script.
 */
@ApplicationScoped
public class LogoutPages {

    @Inject
    @Location("end-session.html")
    Template confirmation;
    @Inject
    @Location("signed-out.html")
    Template signedOut;
    @Inject
    Pages pages;

    public Response.ResponseBuilder confirmation(PageTexts t, EndSessionOutcome.Confirm c) {
        String html = confirmation.data("t", t.all()).data("lang", t.language()).data("clientName", c.clientName())
                .data("error", c.error()).data("fields", c.fields()).render();
        return Pages.html(html, c.error() == null ? 200 : 400, Pages.CSP);
    }

    /**
     * After logout: a plain redirect when nothing is to be framed (a 302 after GET, a 303 after a form POST), otherwise
     * the signed-out page with its iframes and, when there is a redirect, a "Continue" link that a script follows once
     * the iframes have loaded (or after five seconds).
     */
    public Response.ResponseBuilder signedOut(PageTexts t, EndSessionOutcome.SignedOut s, boolean afterPost) {
        URI redirect = s.redirect() == null ? null : absolute(s.redirect());
        if (redirect != null && s.frontchannelUris().isEmpty()) {
            return Pages.noStore(Response.status(afterPost ? Response.Status.SEE_OTHER : Response.Status.FOUND).location(redirect))
                    .header("Content-Security-Policy", Pages.CSP);
        }
        String nonce = RandomTokens.randomBytes(16);
        String continueUri = redirect == null ? null : s.redirect();
        String html = signedOut.data("t", t.all()).data("lang", t.language())
                .data("heading", t.get("signed_out_title")).data("message", t.get("signed_out_text"))
                .data("frames", s.frontchannelUris()).data("continueUri", continueUri).data("nonce", nonce).render();
        return Pages.html(html, 200, csp(s.frontchannelUris(), continueUri == null ? null : nonce));
    }

    public Response.ResponseBuilder stillSignedIn(PageTexts t) {
        String html = signedOut.data("t", t.all()).data("lang", t.language())
                .data("heading", t.get("still_signed_in_title")).data("message", t.get("still_signed_in_text"))
                .data("frames", List.of()).data("continueUri", null).data("nonce", "").render();
        return Pages.html(html, 200, Pages.CSP);
    }

    public Response.ResponseBuilder error(PageTexts t, EndSessionOutcome.ErrorPage e) {
        return Response.fromResponse(pages.errorPage(t, e.error(), e.status()));
    }

    /**
     * The pages' strict policy, plus frame-src for the origins of the front-channel logout URIs and the script nonce. The
     * page itself still may not be framed (frame-ancestors 'none').
     */
    static String csp(List<String> frames, String nonce) {
        Set<String> origins = new LinkedHashSet<>();
        for (String uri : frames) {
            String origin = LogoutUris.origin(uri);
            if (origin != null) {
                origins.add(origin);
            }
        }
        StringBuilder b = new StringBuilder(Pages.CSP);
        if (!origins.isEmpty()) {
            b.append("; frame-src ").append(String.join(" ", origins));
        }
        if (nonce != null) {
            b.append("; script-src 'nonce-").append(nonce).append('\'');
        }
        return b.toString();
    }

    /** Schemes a browser would run or read locally: never a redirect or a link, whatever was registered. */
    private static final Set<String> ACTIVE_SCHEMES = Set.of("javascript", "data", "vbscript", "file", "blob");

    /** The redirect as a URI when it is absolute (registered URIs are) and not an active scheme; null otherwise. */
    static URI absolute(String location) {
        try {
            URI uri = new URI(location);
            return uri.isAbsolute() && !ACTIVE_SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT)) ? uri : null;
        } catch (Exception e) {
            return null;
        }
    }
}
