package io.gatehouse.authorize;

import io.gatehouse.authorize.AuthorizationFlow.LoginView;
import io.gatehouse.authorize.mfa.SecondFactor;
import io.gatehouse.model.discovery.AmrValue;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.user.Authentication;
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
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The login page of a pending authorization request: username and password, then the second factor of users who
 * enrolled one (a TOTP code or a recovery code); throttled, CSRF-protected.
 */
@Path("/login")
public class LoginResource {

    @Inject
    AuthorizationFlow flow;
    @Inject
    PasswordLogin passwords;
    @Inject
    Sessions sessions;
    @Inject
    Pages pages;
    @Inject
    OneLoginAtATime oneAtATime;
    @Inject
    SecondFactorLogin secondFactor;

    @GET
    public Response show(@QueryParam("request") String requestId, @Context HttpHeaders headers) {
        return page(requestId, headers, null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("request") String requestId, @FormParam("csrf") String csrf,
                          @FormParam("username") String username, @FormParam("password") String password,
                          @Context HttpHeaders headers, @Context HttpServerRequest http) {
        String browser = BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE);
        Optional<FlowResult> refused = flow.refusePost(requestId, csrf, browser);
        if (refused.isPresent()) {
            return pages.render(refused.get(), BrowserRequest.texts(headers, List.of()));
        }
        return oneAtATime.run(requestId, () -> attempt(requestId, browser, username, password, headers, http));
    }

    private Response attempt(String requestId, String browser, String username, String password, HttpHeaders headers,
                             HttpServerRequest http) {
        PasswordLogin.Result result = passwords.attempt(username, password, BrowserRequest.address(http));
        if (result.throttled()) {
            long seconds = retryAfterSeconds(result.retryAfter());
            return Response.fromResponse(page(requestId, headers, Duration.ofSeconds(seconds), 429))
                    .header("Retry-After", seconds).build();
        }
        if (result.unavailable()) {
            // The user store (directory) did not answer in time: a page that says so, never a 500 or a hang.
            return Response.fromResponse(messagePage(requestId, headers, "login_unavailable", 503)).header("Retry-After", 30).build();
        }
        if (!result.succeeded()) {
            return messagePage(requestId, headers, refusalMessage(result.refusal()), 200);
        }
        if (secondFactor.required(requestId, browser, result.user())) {
            return otpPage(requestId, headers, null, 200);
        }
        return loggedIn(requestId, browser, headers, result.user(), AmrValue.of(AmrValue.PASSWORD));
    }

    /** The second step (RFC 6238 TOTP, or a recovery code) of a user who passed the password step. */
    @POST
    @Path("/otp")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response secondStep(@FormParam("request") String requestId, @FormParam("csrf") String csrf,
                               @FormParam("code") String code, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        String browser = BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE);
        Optional<FlowResult> refused = flow.refusePost(requestId, csrf, browser);
        if (refused.isPresent()) {
            return pages.render(refused.get(), BrowserRequest.texts(headers, List.of()));
        }
        Optional<UserEntity> user = secondFactor.pendingUser(requestId, browser);
        if (user.isEmpty()) {
            return page(requestId, headers, null, 200); // no password step in this request: start with it
        }
        return oneAtATime.run(requestId, () -> secondAttempt(requestId, browser, user.get(), code, headers, http));
    }

    private Response secondAttempt(String requestId, String browser, UserEntity user, String code, HttpHeaders headers,
                                   HttpServerRequest http) {
        CodeAttempts.Result<SecondFactor.Answer> result = secondFactor.verify(user, code, BrowserRequest.address(http));
        if (result.throttled()) {
            long seconds = retryAfterSeconds(result.retryAfter());
            return Response.fromResponse(otpPage(requestId, headers, t -> t.get("login_throttled", seconds), 429))
                    .header("Retry-After", seconds).build();
        }
        if (result.accepted().isEmpty()) {
            return otpPage(requestId, headers, t -> t.get("otp_failed"), 200);
        }
        return loggedIn(requestId, browser, headers, user, AmrValue.of(AmrValue.PASSWORD, AmrValue.OTP, AmrValue.MFA));
    }

    /** Retry-After (RFC 9110 10.2.3) in whole seconds, at least one. */
    private static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private Response loggedIn(String requestId, String browser, HttpHeaders headers, UserEntity user, List<String> amr) {
        flow.prepareResponse(requestId, browser);
        AuthorizationFlow.LoggedIn in = flow.loggedIn(requestId, browser, BrowserRequest.cookie(headers, Sessions.COOKIE), user, amr);
        return pages.render(in.result(), BrowserRequest.texts(headers, List.of()),
                in.sessionCookie() == null ? null : sessions.cookie(in.sessionCookie()));
    }

    /** The second step's page (the code form) with {@code message}, if any. */
    private Response otpPage(String requestId, HttpHeaders headers, Function<PageTexts, String> message, int status) {
        return withView(requestId, headers, (t, view) -> pages.otpPage(t, view.client(), requestId, view.csrf(),
                message == null ? null : message.apply(t), status));
    }

    private static String refusalMessage(Authentication.Refusal refusal) {
        return switch (refusal == null ? Authentication.Refusal.INVALID_CREDENTIALS : refusal) {
            case INVALID_CREDENTIALS -> "login_failed";
            case ACCOUNT_LOCKED -> "login_account_locked";
            case ACCOUNT_DISABLED -> "login_account_disabled";
            case PASSWORD_EXPIRED -> "login_password_expired";
        };
    }

    /** The login page with the message {@code messageKey} (no argument). */
    private Response messagePage(String requestId, HttpHeaders headers, String messageKey, int status) {
        return loginPage(requestId, headers, t -> t.get(messageKey), status);
    }

    /** The login page; {@code failure} is null on first show, zero after a wrong password, else the wait imposed. */
    private Response page(String requestId, HttpHeaders headers, Duration failure, int status) {
        return loginPage(requestId, headers, t -> failure == null ? null
                : failure.isZero() ? t.get("login_failed") : t.get("login_throttled", failure.toSeconds()), status);
    }

    private Response loginPage(String requestId, HttpHeaders headers, Function<PageTexts, String> message, int status) {
        return withView(requestId, headers, (t, view) -> pages.loginPage(t, view.client(), requestId, view.csrf(),
                view.loginHint(), message.apply(t), status));
    }

    /** A page of the pending request (a fresh CSRF token in its view), or the expired-request page. */
    private Response withView(String requestId, HttpHeaders headers, BiFunction<PageTexts, LoginView, Response> page) {
        String browser = BrowserRequest.cookie(headers, PendingRequests.BROWSER_COOKIE);
        Optional<LoginView> view = flow.loginView(requestId, browser);
        if (view.isEmpty()) {
            return pages.render(new FlowResult.ErrorPage(AuthorizationFlow.EXPIRED, 400), BrowserRequest.texts(headers, List.of()));
        }
        return page.apply(BrowserRequest.texts(headers, view.get().uiLocales()), view.get());
    }
}
