package io.gatehouse.authorize;

import io.gatehouse.model.error.OAuthError;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The account page: the signed-in user lists the applications they allowed and revokes them. */
@Path("/account")
public class AccountResource {

    @Inject
    Account account;
    @Inject
    Pages pages;

    @GET
    public Response show(@Context HttpHeaders headers) {
        PageTexts t = BrowserRequest.texts(headers, List.of());
        String cookie = BrowserRequest.cookie(headers, Sessions.COOKIE);
        Optional<Account.Overview> overview = account.overview(cookie);
        if (overview.isEmpty()) {
            // Not signed in. 403, not 401: a 401 must carry an HTTP authentication challenge (RFC 9110 15.5.2, RFC 7235
            // 3.1), and sign-in here is a page, not an HTTP scheme.
            return Response.fromResponse(pages.accountPage(t, null, List.of(), "")).status(403).build();
        }
        return pages.accountPage(t, overview.get().user().username, overview.get().consents(), Account.csrfToken(cookie));
    }

    @POST
    @Path("/consents/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@FormParam("client_id") String clientId, @FormParam("csrf") String csrf, @Context HttpHeaders headers) {
        if (!account.revoke(BrowserRequest.cookie(headers, Sessions.COOKIE), csrf, clientId)) {
            return pages.render(new FlowResult.ErrorPage(OAuthError.invalidRequest(
                    "The form could not be verified, or you are no longer signed in."), 403), BrowserRequest.texts(headers, List.of()));
        }
        return pages.seeOther("/account").build();
    }
}
