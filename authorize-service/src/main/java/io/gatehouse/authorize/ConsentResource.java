package io.gatehouse.authorize;

import io.gatehouse.model.error.OAuthError;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The consent page of a pending authorization request: the client and its scopes in plain words; allow or deny. */
@Path("/consent")
public class ConsentResource {

    @Inject
    AuthorizationFlow flow;
    @Inject
    Pages pages;

    @GET
    public Response show(@QueryParam("request") String requestId, @Context HttpHeaders headers) {
        String browser = BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE);
        Optional<AuthorizationFlow.ConsentView> view = flow.consentView(requestId, browser, BrowserRequest.cookie(headers, Sessions.COOKIE));
        if (view.isEmpty()) {
            return pages.render(new FlowResult.ErrorPage(AuthorizationFlow.EXPIRED, 400), BrowserRequest.texts(headers, List.of()));
        }
        AuthorizationFlow.ConsentView v = view.get();
        PageTexts t = BrowserRequest.texts(headers, v.request().uiLocales());
        return pages.consentPage(t, v.client(), v.user().username, v.scopes(), requestId, v.csrf());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("request") String requestId, @FormParam("csrf") String csrf,
                           @FormParam("decision") String decision, @Context HttpHeaders headers) {
        PageTexts t = BrowserRequest.texts(headers, List.of());
        String browser = BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE);
        Optional<FlowResult> refused = flow.refusePost(requestId, csrf, browser);
        if (refused.isPresent()) {
            return pages.render(refused.get(), t);
        }
        if (!"allow".equals(decision) && !"deny".equals(decision)) {
            return pages.render(new FlowResult.ErrorPage(OAuthError.invalidRequest("choose allow or deny"), 400), t);
        }
        flow.prepareResponse(requestId, browser);
        return pages.render(flow.consented(requestId, browser, BrowserRequest.cookie(headers, Sessions.COOKIE),
                "allow".equals(decision)), t);
    }
}
