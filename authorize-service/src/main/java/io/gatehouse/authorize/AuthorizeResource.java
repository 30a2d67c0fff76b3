package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationRequest;
import io.gatehouse.model.authorization.RequestParameters;
import io.gatehouse.model.crypto.RandomTokens;
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

/** The authorization endpoint (RFC 6749 3.1; OIDC Core 3.1.2.1: GET and form POST): parse, call, render. */
@Path("/authorize")
public class AuthorizeResource {

    @Inject
    AuthorizationFlow flow;
    @Inject
    PendingRequests pending;
    @Inject
    Pages pages;

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(uri.getQueryParameters(), headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return answer(form, headers);
    }

    private Response answer(MultivaluedMap<String, String> sent, HttpHeaders headers) {
        RequestParameters parameters = RequestParameters.of(sent);
        String browser = BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE);
        boolean newBrowser = browser == null || browser.length() > 100;
        if (newBrowser) {
            browser = RandomTokens.random256();
        }
        FlowResult result = flow.authorize(parameters, BrowserRequest.cookie(headers, Sessions.COOKIE), browser);
        PageTexts texts = BrowserRequest.texts(headers, AuthorizationRequest.parse(parameters).uiLocales());
        boolean pendingCreated = result instanceof FlowResult.Login || result instanceof FlowResult.Consent;
        return pages.render(result, texts, newBrowser && pendingCreated ? pending.cookie(browser) : null);
    }
}
