package io.gatehouse.authorize;

import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.error.OAuthError;
import io.vertx.core.http.HttpServerRequest;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The device verification pages (RFC 8628 3.3): the user code form (the verification_uri, prefilled from
 * verification_uri_complete's {@code user_code}), then the login page if the browser has no session, then the consent
 * page with Approve and Deny, then the result. Wrong codes are throttled ({@link UserCodeThrottle}).
 */
@Path("/device")
public class DeviceResource {

    private static final OAuthError FORGED = OAuthError.invalidRequest(
            "The form could not be verified (CSRF). Open the page again.");

    @Inject
    DeviceVerification verification;
    @Inject
    UserCodeThrottle throttle;
    @Inject
    PendingRequests pending;
    @Inject
    DevicePages devicePages;
    @Inject
    Pages pages;

    @GET
    public Response show(@QueryParam("user_code") String userCode, @Context HttpHeaders headers) {
        String browser = BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE);
        boolean newBrowser = browser == null || browser.length() > 100;
        if (newBrowser) {
            browser = RandomTokens.random256();
        }
        Response page = devicePages.entryPage(texts(headers), prefill(userCode), DeviceVerification.entryCsrf(browser), null, 200);
        return newBrowser ? Response.fromResponse(page).cookie(pending.cookie(browser)).build() : page;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enter(@FormParam("user_code") String userCode, @FormParam("csrf") String csrf,
                          @Context HttpHeaders headers, @Context HttpServerRequest http) {
        PageTexts t = texts(headers);
        String browser = BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE);
        if (!DeviceVerification.entryCsrfMatches(browser, csrf)) {
            return pages.render(new FlowResult.ErrorPage(FORGED, 403), t);
        }
        String address = BrowserRequest.address(http);
        Duration wait = throttle.admit(browser, address);
        if (!wait.isZero() && !wait.isNegative()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return Response.fromResponse(devicePages.entryPage(t, prefill(userCode), csrf, t.get("login_throttled", seconds), 429))
                    .header("Retry-After", seconds).build();
        }
        Optional<FlowResult> next = verification.enter(userCode, browser, BrowserRequest.cookie(headers, Sessions.COOKIE));
        if (next.isEmpty()) {
            throttle.failed(address);
            return devicePages.entryPage(t, prefill(userCode), csrf, t.get("device_code_invalid"), 200);
        }
        throttle.succeeded(browser, address);
        return pages.render(next.get(), t);
    }

    @GET
    @Path("/consent")
    public Response consent(@QueryParam("request") String requestId, @Context HttpHeaders headers) {
        PageTexts t = texts(headers);
        Optional<DeviceVerification.ConsentView> view = verification.consentView(requestId,
                BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE), BrowserRequest.cookie(headers, Sessions.COOKIE));
        if (view.isEmpty()) {
            return devicePages.resultPage(t, "error_title", "device_expired", true, 400);
        }
        DeviceVerification.ConsentView v = view.get();
        return devicePages.consentPage(t, v.client(), v.user().username, v.scopes(), v.userCode(), requestId, v.csrf());
    }

    @POST
    @Path("/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam("request") String requestId, @FormParam("csrf") String csrf,
                           @FormParam("decision") String decision, @Context HttpHeaders headers) {
        PageTexts t = texts(headers);
        if (!"approve".equals(decision) && !"deny".equals(decision)) {
            return pages.render(new FlowResult.ErrorPage(OAuthError.invalidRequest("choose approve or deny"), 400), t);
        }
        DeviceVerification.Outcome outcome = verification.decide(requestId, csrf,
                BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE), BrowserRequest.cookie(headers, Sessions.COOKIE),
                "approve".equals(decision));
        return switch (outcome) {
            case APPROVED -> devicePages.resultPage(t, "device_done_title", "device_done", false, 200);
            case DENIED -> devicePages.resultPage(t, "device_denied_title", "device_denied", false, 200);
            case GONE -> devicePages.resultPage(t, "error_title", "device_expired", true, 400);
            case FORGED -> pages.render(new FlowResult.ErrorPage(FORGED, 403), t);
        };
    }

    /** What the form shows again: the code as sent, unless it cannot be one. */
    private static String prefill(String userCode) {
        return userCode == null || userCode.length() > 64 ? "" : userCode;
    }

    private static PageTexts texts(HttpHeaders headers) {
        return BrowserRequest.texts(headers, List.of());
    }
}
