package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationResponse;
import io.gatehouse.model.authorization.FormPostPage;
import io.gatehouse.model.authorization.ResponseMode;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Renders the user-facing pages (Qute templates under {@code templates/}) and the authorization response, with the
 * headers every page carries: no framing, no referrer, never cached.
 */
@ApplicationScoped
public class Pages {

    /** Pages and redirects are never framed, cached or sent with a referrer. */
    public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-ancestors 'none'; base-uri 'none'";

    @Inject
    @Location("login.html")
    Template login;
    @Inject
    @Location("consent.html")
    Template consent;
    @Inject
    @Location("error.html")
    Template error;
    @Inject
    @Location("account.html")
    Template account;
    @Inject
    @Location("login_otp.html")
    Template loginOtp;

    /** One saved consent on the account page. */
    @TemplateData
    public record ConsentRow(String clientId, String clientName, String scopes) {
    }

    public Response loginPage(PageTexts t, ClientEntity client, String requestId, String csrf, String loginHint,
                              String errorMessage, int status) {
        TemplateInstance page = withClient(login.data("t", t.all()).data("lang", t.language()), client)
                .data("requestId", requestId).data("csrf", csrf)
                .data("loginHint", loginHint == null ? "" : loginHint).data("error", errorMessage);
        return html(page.render(), status, CSP).build();
    }

    /** The second step of a login: a TOTP code from the authenticator app, or a recovery code. */
    public Response otpPage(PageTexts t, ClientEntity client, String requestId, String csrf, String errorMessage, int status) {
        TemplateInstance page = withClient(loginOtp.data("t", t.all()).data("lang", t.language()), client)
                .data("requestId", requestId).data("csrf", csrf).data("error", errorMessage);
        return html(page.render(), status, CSP).build();
    }

    public Response consentPage(PageTexts t, ClientEntity client, String username, List<String> scopes, String requestId,
                                String csrf) {
        TemplateInstance page = withClient(consent.data("t", t.all()).data("lang", t.language()), client)
                .data("requestId", requestId).data("csrf", csrf).data("username", username)
                .data("scopes", scopes.stream().map(t::scope).toList());
        return html(page.render(), 200, CSP).build();
    }

    public Response errorPage(PageTexts t, OAuthError e, int status) {
        String html = error.data("t", t.all()).data("lang", t.language()).data("message", e.description())
                .data("code", e.code()).render();
        return html(html, status, CSP).build();
    }

    public Response accountPage(PageTexts t, String username, List<ConsentRow> consents, String csrf) {
        return accountPage(t, username, consents, csrf, SecondFactorView.NONE);
    }

    /**
     * What the account page shows of the second factor: enrolled or not, recovery codes left, an enrolment in progress
     * (QR code as inline SVG, the secret as text), recovery codes just made (shown once), a message.
     */
    @TemplateData
    public record SecondFactorView(boolean enrolled, String codesLeft, String qrSvg, String secret,
                                   List<String> newRecoveryCodes, String message) {
        public static final SecondFactorView NONE = new SecondFactorView(false, null, null, null, List.of(), null);
    }

    public Response accountPage(PageTexts t, String username, List<ConsentRow> consents, String csrf, SecondFactorView mfa) {
        String html = account.data("t", t.all()).data("lang", t.language()).data("username", username)
                .data("consents", consents).data("csrf", csrf).data("mfa", mfa).render();
        return html(html, 200, CSP).build();
    }

    /** The authorization response in its mode: a 302 for query and fragment, an auto-submitting page for form_post. */
    public Response.ResponseBuilder authorizationResponse(AuthorizationResponse response) {
        if (response.mode() == ResponseMode.FORM_POST) {
            String nonce = RandomTokens.randomBytes(16);
            return html(FormPostPage.render(response, nonce), 200,
                    "default-src 'none'; script-src 'nonce-" + nonce + "'; frame-ancestors 'none'; base-uri 'none'");
        }
        return noStore(Response.status(Response.Status.FOUND).location(URI.create(response.location())))
                .header("Content-Security-Policy", CSP);
    }

    /** Renders what the flow decided; {@code cookies} are set on whatever the answer is. */
    public Response render(FlowResult result, PageTexts t, NewCookie... cookies) {
        Response.ResponseBuilder b;
        if (result instanceof FlowResult.ErrorPage e) {
            b = Response.fromResponse(errorPage(t, e.error(), e.status()));
        } else if (result instanceof FlowResult.Respond r) {
            b = authorizationResponse(r.response());
        } else if (result instanceof FlowResult.Login l) {
            b = seeOther("/login?request=" + l.requestId());
        } else if (result instanceof FlowResult.Continue c) {
            b = seeOther(c.path());
        } else {
            b = seeOther("/consent?request=" + ((FlowResult.Consent) result).requestId());
        }
        for (NewCookie c : cookies) {
            if (c != null) {
                b.cookie(c);
            }
        }
        return b.build();
    }

    /** A 303 to another page of this service (after a form post, or from /authorize to the login page). */
    public Response.ResponseBuilder seeOther(String path) {
        return noStore(Response.seeOther(URI.create(path))).header("Content-Security-Policy", CSP);
    }

    static TemplateInstance withClient(TemplateInstance page, ClientEntity client) {
        String name = client.clientName != null && !client.clientName.isBlank() ? client.clientName : client.clientId;
        return page.data("clientName", name).data("logoUri", webUri(client, "logo_uri"))
                .data("policyUri", webUri(client, "policy_uri")).data("tosUri", webUri(client, "tos_uri"));
    }

    /** A client metadata URL shown on a page: only http(s), so that no script URL ends up in an href or src. */
    static String webUri(ClientEntity client, String member) {
        Object v = client.metadata == null ? null : client.metadata.get(member);
        if (v instanceof String s && (s.startsWith("https://") || s.startsWith("http://"))) {
            try {
                URI.create(s);
                return s;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    public static Response.ResponseBuilder html(String body, int status, String csp) {
        return noStore(Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body))
                .header("Content-Security-Policy", csp);
    }

    public static Response.ResponseBuilder noStore(Response.ResponseBuilder b) {
        return b.header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }
}
