package io.gatehouse.authorize;

import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.error.OAuthError;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.function.BiFunction;

/**
 * The account page: the signed-in user lists the applications they allowed and revokes them, and turns two-step
 * sign-in (TOTP) on or off.
 */
@Path("/account")
public class AccountResource {

    @Inject
    Account account;
    @Inject
    Pages pages;
    @Inject
    AccountSecondFactor secondFactor;

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
        return page(headers, overview.get(), List.of(), null);
    }

    private Response page(HttpHeaders headers, Account.Overview overview, List<String> newCodes, String messageKey) {
        PageTexts t = BrowserRequest.texts(headers, List.of());
        String cookie = BrowserRequest.cookie(headers, Sessions.COOKIE);
        return pages.accountPage(t, overview.user().username, overview.consents(), Account.csrfToken(cookie),
                secondFactor.view(overview.user(), t, newCodes, messageKey == null ? null : t.get(messageKey)));
    }

    @POST
    @Path("/totp/begin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response beginTotp(@FormParam("csrf") String csrf, @Context HttpHeaders headers) {
        return signedIn(csrf, headers, (user, overview) -> {
            secondFactor.begin(user);
            return pages.seeOther("/account").build();
        });
    }

    @POST
    @Path("/totp/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmTotp(@FormParam("csrf") String csrf, @FormParam("code") String code, @Context HttpHeaders headers,
                                @Context HttpServerRequest http) {
        return signedIn(csrf, headers, (user, overview) -> secondFactor.confirm(user, code, BrowserRequest.address(http))
                // The recovery codes are in this answer only (no-store, like every page): never stored in the clear.
                .map(codes -> page(headers, overview, codes, null))
                .orElseGet(() -> page(headers, overview, List.of(), "mfa_code_wrong")));
    }

    @POST
    @Path("/totp/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeTotp(@FormParam("csrf") String csrf, @FormParam("code") String code, @Context HttpHeaders headers,
                               @Context HttpServerRequest http) {
        return signedIn(csrf, headers, (user, overview) -> secondFactor.remove(user, code, BrowserRequest.address(http))
                ? pages.seeOther("/account").build()
                : page(headers, overview, List.of(), "mfa_code_wrong"));
    }

    /** Runs {@code action} for the signed-in user of a posted account form; a 403 page without session or CSRF token. */
    private Response signedIn(String csrf, HttpHeaders headers, BiFunction<UserEntity, Account.Overview, Response> action) {
        String cookie = BrowserRequest.cookie(headers, Sessions.COOKIE);
        Optional<UserEntity> user = secondFactor.user(cookie, csrf);
        Optional<Account.Overview> overview = user.isEmpty() ? Optional.empty() : account.overview(cookie);
        return overview.isEmpty() ? refused(headers) : action.apply(user.get(), overview.get());
    }

    private Response refused(HttpHeaders headers) {
        return pages.render(new FlowResult.ErrorPage(OAuthError.invalidRequest(
                "The form could not be verified, or you are no longer signed in."), 403), BrowserRequest.texts(headers, List.of()));
    }

    @POST
    @Path("/consents/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@FormParam("client_id") String clientId, @FormParam("csrf") String csrf, @Context HttpHeaders headers) {
        if (!account.revoke(BrowserRequest.cookie(headers, Sessions.COOKIE), csrf, clientId)) {
            return refused(headers);
        }
        return pages.seeOther("/account").build();
    }
}
