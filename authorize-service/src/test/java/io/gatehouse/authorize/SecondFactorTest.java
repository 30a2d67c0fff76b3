package io.gatehouse.authorize;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.authorize.admin.AdminFixtures;
import io.gatehouse.authorize.mfa.SecondFactor;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.otp.Base32;
import io.gatehouse.model.otp.Totp;
import io.gatehouse.model.store.SecondFactors;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Issue 21.2: a TOTP authenticator (RFC 6238) enrolled on the account page, asked for after the password, with
 * recovery codes; amr and acr in the ID token tell how the user signed in.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SecondFactorTest {

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    AdminFixtures admin;
    @Inject
    SigningKeyStore keys;
    @Inject
    SecondFactor factor;
    @Inject
    SecondFactors store;
    @Inject
    EntityManager em;

    /** An enrolled user: the secret the app holds and the recovery codes shown once. */
    record Enrolled(UserEntity user, byte[] secret, List<String> recoveryCodes, long confirmedStep) {
    }

    @Test
    void enrolmentShowsAQrCodeAndASecretAndConfirmingMakesTenRecoveryCodes() throws Exception {
        Enrolled e = enrol(fixtures.client(), fixtures.user());
        assertEquals(10, e.recoveryCodes().size());
        assertTrue(factor.enrolled(e.user().id));
        byte[] stored = store.find(e.user().id).orElseThrow().secretEnc();
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains(Base32.encode(e.secret())),
                "the secret is stored encrypted");
        assertFalse(java.util.Arrays.equals(stored, e.secret()));
    }

    @Test
    void loginAsksForTheCodeAfterThePasswordAndTheIdTokenSaysMfa() throws Exception {
        ClientEntity client = fixtures.client();
        Enrolled e = enrol(client, fixtures.user());
        TestBrowser b = new TestBrowser();
        Response otpPage = password(b, client, e.user());
        assertTrue(isOtpPage(otpPage), otpPage.asString());

        Response wrong = b.submit(TestBrowser.form(otpPage).with("code", "000000".equals(code(e, 1)) ? "111111" : "000000"));
        assertEquals(200, wrong.statusCode());
        assertTrue(isOtpPage(wrong), "asked again after a wrong code");

        Response done = b.follow(b.submit(TestBrowser.form(wrong).with("code", code(e, 1))));
        if (Flows.isConsentPage(done)) {
            done = Flows.consent(b, done, "allow");
        }
        Map<String, String> response = Flows.parameters(done);
        JWTClaimsSet idToken = Flows.verifyIdToken(keys, response.get("id_token"));
        assertEquals(List.of("pwd", "otp", "mfa"), idToken.getStringListClaim("amr"));
        assertEquals("urn:gatehouse:acr:mfa", idToken.getStringClaim("acr"));
    }

    @Test
    void withoutASecondFactorTheIdTokenSaysPassword() throws Exception {
        ClientEntity client = fixtures.client();
        TestBrowser b = new TestBrowser();
        Response done = Flows.run(b, Flows.request(client, "code id_token", "openid"), fixtures.user());
        JWTClaimsSet idToken = Flows.verifyIdToken(keys, Flows.parameters(done).get("id_token"));
        assertEquals(List.of("pwd"), idToken.getStringListClaim("amr"));
        assertEquals("urn:gatehouse:acr:pwd", idToken.getStringClaim("acr"));
    }

    @Test
    void aCodeIsAcceptedOnceAndARecoveryCodeOnce() throws Exception {
        ClientEntity client = fixtures.client();
        Enrolled e = enrol(client, fixtures.user());
        String code = code(e, 1);
        assertTrue(signsIn(client, e.user(), code), "the first use");
        assertFalse(signsIn(client, e.user(), code), "the same code again is a replay (RFC 6238 5.2)");
        assertFalse(signsIn(client, e.user(), code(e, 0)), "nor an earlier step once a later one was used");

        String recovery = e.recoveryCodes().get(3);
        assertTrue(signsIn(client, e.user(), recovery.toUpperCase(java.util.Locale.ROOT)), "a recovery code, as typed");
        assertFalse(signsIn(client, e.user(), recovery), "each recovery code works once");
        assertEquals(9, factor.recoveryCodesLeft(e.user().id));
    }

    @Test
    void ofParallelLoginsWithOneCodeOneWins() throws Exception {
        Enrolled e = enrol(fixtures.client(), fixtures.user());
        String code = code(e, 1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Callable<SecondFactor.Answer> attempt = () -> factor.verify(e.user().id, code);
            List<Future<SecondFactor.Answer>> answers = pool.invokeAll(java.util.Collections.nCopies(6, attempt));
            long accepted = 0;
            for (Future<SecondFactor.Answer> a : answers) {
                accepted += a.get() == SecondFactor.Answer.TOTP ? 1 : 0;
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCodeFormIsTiedToTheRequestAndItsCsrfToken() throws Exception {
        ClientEntity client = fixtures.client();
        Enrolled e = enrol(client, fixtures.user());
        TestBrowser b = new TestBrowser();
        Response otpPage = password(b, client, e.user());
        TestBrowser.Form form = TestBrowser.form(otpPage).with("code", code(e, 1));
        Response forged = b.submit(form.with("csrf", "forged"));
        assertEquals(403, forged.statusCode());
        // Another browser cannot finish the login with the first one's request and form.
        TestBrowser other = new TestBrowser();
        other.get("/authorize?" + TestBrowser.query(Flows.request(client, "code", "openid")));
        Response stolen = other.submit(form);
        assertFalse(TestBrowser.isRedirect(stolen) && stolen.header("Location").contains("code="), "no code for another browser");
        // Without the password step, the code form leads back to the login page.
        TestBrowser fresh = new TestBrowser();
        Response login = fresh.follow(fresh.authorize(Flows.request(client, "code", "openid")));
        TestBrowser.Form skip = TestBrowser.form(login);
        Response r = fresh.post("/login/otp", Map.of("request", skip.fields().get("request"), "csrf", skip.fields().get("csrf"),
                "code", code(e, 1)));
        assertTrue(Flows.isLoginPage(r), "the password comes first");
    }

    @Test
    void turningItOffNeedsACodeAndAnOperatorCanResetIt() throws Exception {
        ClientEntity client = fixtures.client();
        Enrolled e = enrol(client, fixtures.user());
        TestBrowser b = new TestBrowser();
        Response otpPage = password(b, client, e.user());
        Flows.parameters(finish(b, b.submit(TestBrowser.form(otpPage).with("code", code(e, 1)))));

        Document account = Jsoup.parse(b.get("/account").asString());
        Element remove = account.selectFirst("form[action=/account/totp/remove]");
        assertNotNull(remove, account.html());
        String csrf = remove.selectFirst("input[name=csrf]").attr("value");
        Response refused = b.post("/account/totp/remove", Map.of("csrf", csrf, "code", "123"));
        assertEquals(200, refused.statusCode());
        assertTrue(factor.enrolled(e.user().id), "a wrong code does not turn it off");

        // The operator's reset (a lost phone): audited, and the next login asks for the password only.
        given().header("Authorization", admin.adminToken().bearer()).delete("/admin/users/" + e.user().id + "/second-factor")
                .then().statusCode(204);
        assertFalse(factor.enrolled(e.user().id));
        assertEquals(0, factor.recoveryCodesLeft(e.user().id));
        Number audited = (Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from audit_events where type = 'admin.user.second_factor_reset' and user_id = ?1")
                .setParameter(1, e.user().id).getSingleResult());
        assertEquals(1, audited.intValue());
        TestBrowser again = new TestBrowser();
        Response r = password(again, client, e.user());
        assertFalse(isOtpPage(r), "password only after the reset");
    }

    @Test
    void aClientThatRequiresTwoStepsGetsThemOrUnmetAuthenticationRequirements() throws Exception {
        ClientEntity strict = fixtures.client(c -> c.metadata.put("default_acr_values", List.of("urn:gatehouse:acr:mfa")));
        ClientEntity lenient = fixtures.client();
        // A user without a second factor: the client gets the error, never a code.
        TestBrowser b = new TestBrowser();
        Map<String, String> error = Flows.parameters(Flows.run(b, Flows.request(strict, "code", "openid"), fixtures.user()));
        assertEquals("unmet_authentication_requirements", error.get("error"), error.toString());

        // An enrolled user signs in to the strict client with the code (InteractionPolicyTest covers the step up from
        // a one-factor session).
        Enrolled e = enrol(lenient, fixtures.user());
        TestBrowser browser = new TestBrowser();
        Response otp = password(browser, strict, e.user());
        assertTrue(isOtpPage(otp));
        Map<String, String> ok = Flows.parameters(finish(browser, browser.submit(TestBrowser.form(otp).with("code", code(e, 1)))));
        JWTClaimsSet idToken = Flows.verifyIdToken(keys, ok.get("id_token"));
        assertEquals("urn:gatehouse:acr:mfa", idToken.getStringClaim("acr"));
        // The two-step session now also serves the strict client without a login (SSO).
        Response again = browser.follow(browser.authorize(Flows.request(strict, "code id_token", "openid")));
        assertTrue(TestBrowser.isRedirect(again) && Flows.parameters(again).containsKey("code"), again.asString());
    }

    @Test
    void theAccountFormsNeedASessionAndTheirCsrfToken() throws Exception {
        TestBrowser nobody = new TestBrowser();
        for (String form : List.of("/account/totp/begin", "/account/totp/confirm", "/account/totp/remove")) {
            assertEquals(403, nobody.post(form, Map.of("csrf", "x", "code", "123456")).statusCode(), form);
        }
        TestBrowser b = new TestBrowser();
        UserEntity user = fixtures.user();
        Flows.run(b, Flows.request(fixtures.client(), "code", "openid"), user);
        assertEquals(403, b.post("/account/totp/begin", Map.of("csrf", "forged")).statusCode());
        assertFalse(store.find(user.id).isPresent(), "nothing started by a forged form");
    }

    // --- helpers

    /** Signs in on the account page, enrols, reads the secret from the page and confirms with the current code. */
    Enrolled enrol(ClientEntity client, UserEntity user) throws Exception {
        TestBrowser b = new TestBrowser();
        Flows.run(b, Flows.request(client, "code", "openid"), user);
        Document page = Jsoup.parse(b.get("/account").asString());
        Element begin = page.selectFirst("form[action=/account/totp/begin]");
        assertNotNull(begin, page.html());
        Response started = b.post("/account/totp/begin", Map.of("csrf", begin.selectFirst("input[name=csrf]").attr("value")));
        assertEquals(303, started.statusCode());
        Document enrolling = Jsoup.parse(b.get("/account").asString());
        assertNotNull(enrolling.selectFirst("div.qr svg path"), "a QR code");
        byte[] secret = Base32.decode(enrolling.selectFirst("#totp-secret").text());
        assertEquals(Totp.SECRET_BYTES, secret.length);
        Element confirm = enrolling.selectFirst("form[action=/account/totp/confirm]");
        long step = Totp.step(Instant.now());
        Response confirmed = b.post("/account/totp/confirm", Map.of("csrf", confirm.selectFirst("input[name=csrf]").attr("value"),
                "code", Totp.code(secret, step)));
        assertEquals(200, confirmed.statusCode());
        List<String> codes = Jsoup.parse(confirmed.asString()).select("ul.codes code").eachText();
        long used = store.find(user.id).orElseThrow().lastUsedStep();
        return new Enrolled(user, secret, codes, used);
    }

    /** The code of the step {@code ahead} steps after the one the enrolment used (±1 step is accepted). */
    static String code(Enrolled e, int ahead) {
        return Totp.code(e.secret(), e.confirmedStep() + ahead);
    }

    static Response password(TestBrowser b, ClientEntity client, UserEntity user) {
        Response login = b.follow(b.authorize(Flows.request(client, "code id_token", "openid")));
        assertTrue(Flows.isLoginPage(login), login.asString());
        return Flows.login(b, login, user);
    }

    static boolean isOtpPage(Response r) {
        return r.statusCode() == 200 && r.asString().contains("action=\"/login/otp\"");
    }

    static Response finish(TestBrowser b, Response r) {
        Response done = b.follow(r);
        return Flows.isConsentPage(done) ? Flows.consent(b, done, "allow") : done;
    }

    /** A whole login with {@code code} as the second step: whether it reached the client with an ID token. */
    boolean signsIn(ClientEntity client, UserEntity user, String code) {
        TestBrowser b = new TestBrowser();
        Response otp = password(b, client, user);
        Response done = finish(b, b.submit(TestBrowser.form(otp).with("code", code)));
        return TestBrowser.isRedirect(done) && Flows.parameters(done).containsKey("id_token");
    }
}
