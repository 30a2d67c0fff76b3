package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.device.UserCode;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.ConsentEntity;
import io.gatehouse.model.entity.DeviceCodeEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.ConsentRepository;
import io.gatehouse.model.repository.DeviceCodeRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.SessionClientRepository;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device verification pages (RFC 8628 3.3) as a browser drives them: enter the user code, log in, approve or deny.
 * token-service's part (the pending device code) is written directly in the database, as it would write it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DeviceVerificationTest {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    DeviceCodeRepository devices;
    @Inject
    GrantRepository grants;
    @Inject
    SessionRepository sessions;
    @Inject
    SessionClientRepository sessionClients;
    @Inject
    ConsentRepository consents;
    @Inject
    EntityManager em;

    /** A pending device authorization as token-service's device authorization endpoint stores it. */
    record Device(String deviceCodeHash, String userCode) {
        String shown() {
            return UserCode.display(userCode);
        }
    }

    @BeforeEach
    void forgetWrongCodes() {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from login_throttle where key like 'user_code:%'").executeUpdate());
    }

    ClientEntity deviceClient() {
        return fixtures.client(c -> {
            c.tokenEndpointAuthMethod = "none";
            c.secretHash = null;
            c.grantTypes = new ArrayList<>(List.of(DEVICE_GRANT, "refresh_token"));
            c.metadata.put("policy_uri", "https://rp.example/privacy");
        });
    }

    Device device(ClientEntity client, String scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeviceCodeEntity d = new DeviceCodeEntity();
            d.deviceCodeHash = Sha256.hash(RandomTokens.random256());
            d.userCode = UserCode.generate();
            d.clientId = client.clientId;
            d.scope = scope;
            d.expiresAt = Instant.now().plusSeconds(600);
            devices.persist(d);
            return new Device(d.deviceCodeHash, d.userCode);
        });
    }

    DeviceCodeEntity row(Device d) {
        return QuarkusTransaction.requiringNew().call(() -> devices.findById(d.deviceCodeHash()));
    }

    void change(Device d, Consumer<DeviceCodeEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(devices.findById(d.deviceCodeHash())));
    }

    /** Opens the verification page (with the code filled in, as verification_uri_complete does) and submits it. */
    static Response enter(TestBrowser b, String typed) {
        Response page = b.get("/device?user_code=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page.asString());
        return b.follow(b.submit(TestBrowser.form(page)));
    }

    static boolean isDeviceConsentPage(Response r) {
        return r.statusCode() == 200 && r.asString().contains("value=\"approve\"");
    }

    static Response answer(TestBrowser b, Response consentPage, String decision) {
        return b.submit(TestBrowser.form(consentPage).with("decision", decision));
    }

    @Test
    void userEntersTheCodeLogsInAndApprovesTheDevice() {
        ClientEntity client = deviceClient();
        UserEntity user = fixtures.user();
        Device device = device(client, "openid profile");
        TestBrowser b = new TestBrowser();

        Response page = b.get("/device?user_code=" + device.shown());
        Document entry = Jsoup.parse(page.asString());
        assertEquals(device.shown(), entry.selectFirst("input[name=user_code]").attr("value"), "prefilled from user_code");
        assertNotNull(entry.selectFirst("input[type=hidden][name=csrf]"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertTrue(page.header("Cache-Control").contains("no-store"));
        assertNotNull(b.cookies.get(PendingRequests.BROWSER_COOKIE), "the browser-binding cookie is set");

        Response login = b.follow(b.submit(TestBrowser.form(page)));
        assertTrue(Flows.isLoginPage(login), login.asString());
        assertTrue(login.asString().contains(client.clientName), "the login page names the device's client");
        Response consent = Flows.login(b, login, user);
        assertTrue(isDeviceConsentPage(consent), consent.asString());
        Document doc = Jsoup.parse(consent.asString());
        assertTrue(doc.text().contains(client.clientName));
        assertTrue(doc.text().contains("see your basic profile"), "scopes in plain words");
        assertEquals(device.shown(), doc.selectFirst(".user-code").text(), "the code to compare with the device's");
        assertNotNull(doc.selectFirst("button[name=decision][value=approve]"));
        assertNotNull(doc.selectFirst("button[name=decision][value=deny]"));

        Response done = answer(b, consent, "approve");
        assertEquals(200, done.statusCode());
        assertTrue(done.asString().contains("Your device is connected"), done.asString());

        DeviceCodeEntity approved = row(device);
        assertEquals(DeviceCodeEntity.APPROVED, approved.status);
        assertEquals(user.id, approved.userId);
        assertEquals(List.of("pwd"), approved.amr);
        SessionEntity session = QuarkusTransaction.requiringNew().call(() -> sessions.findById(approved.sid));
        assertEquals(user.id, session.userId);
        assertEquals(session.authTime, approved.authTime);
        GrantEntity grant = QuarkusTransaction.requiringNew().call(() -> grants.findById(approved.grantId));
        assertEquals(user.id, grant.userId);
        assertEquals(client.clientId, grant.clientId);
        assertEquals("openid profile", grant.scope);
        assertEquals(approved.sid, grant.sid);
        assertFalse(grant.offline);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                sessionClients.count("sid = ?1 and clientId = ?2", approved.sid, client.clientId)), "a target of logout");
        ConsentEntity saved = QuarkusTransaction.requiringNew().call(() -> consents.findById(new ConsentEntity.Key(user.id, client.clientId)));
        assertEquals(List.of("openid", "profile"), saved.scopes, "revocable on the account page");

        Response again = answer(b, consent, "approve");
        assertEquals(400, again.statusCode(), "the same form posted again answers nothing twice");
    }

    @Test
    void deniedDeviceIsMarkedDeniedWithoutAGrant() {
        ClientEntity client = deviceClient();
        Device device = device(client, "openid");
        TestBrowser b = new TestBrowser();
        Response consent = Flows.login(b, enter(b, device.shown()), fixtures.user());
        Response denied = answer(b, consent, "deny");
        assertEquals(200, denied.statusCode());
        assertTrue(denied.asString().contains("You denied access"), denied.asString());
        DeviceCodeEntity row = row(device);
        assertEquals(DeviceCodeEntity.DENIED, row.status);
        assertNull(row.grantId);
        assertNull(row.userId);
    }

    @Test
    void browserWithASessionGoesStraightToTheConsentPage() {
        ClientEntity client = deviceClient();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        answer(b, Flows.login(b, enter(b, device(client, "openid").shown()), user), "approve");
        Response consent = enter(b, device(client, "openid email").shown());
        assertTrue(isDeviceConsentPage(consent), consent.asString());
        assertTrue(consent.asString().contains("see your email address"));
    }

    @Test
    void codeIsAcceptedInLowerCaseAndWithoutSeparator() {
        ClientEntity client = deviceClient();
        Device device = device(client, "openid");
        assertTrue(Flows.isLoginPage(enter(new TestBrowser(), device.userCode().toLowerCase())));
    }

    @Test
    void wrongCodeShowsAnErrorAndTheFormAgain() {
        ClientEntity client = deviceClient();
        Device device = device(client, "openid");
        TestBrowser b = new TestBrowser();
        Response wrong = enter(b, "BBBB-BBBB");
        assertEquals(200, wrong.statusCode());
        Document doc = Jsoup.parse(wrong.asString());
        assertTrue(doc.selectFirst(".error").text().contains("not valid or has expired"), wrong.asString());
        Response retried = b.follow(b.submit(TestBrowser.form(wrong).with("user_code", device.shown())));
        assertTrue(Flows.isLoginPage(retried), retried.asString());
    }

    @Test
    void expiredAnsweredOrDisabledClientsCodesAreNotAccepted() {
        ClientEntity client = deviceClient();
        Device expired = device(client, "openid");
        change(expired, d -> d.expiresAt = Instant.now().minusSeconds(1));
        Device answered = device(client, "openid");
        change(answered, d -> d.status = DeviceCodeEntity.DENIED);
        ClientEntity disabled = deviceClient();
        Device ofDisabled = device(disabled, "openid");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update clients set enabled = false where client_id = ?1")
                .setParameter(1, disabled.clientId).executeUpdate());
        for (Device d : List.of(expired, answered, ofDisabled)) {
            Response r = enter(new TestBrowser(), d.shown());
            assertNotNull(Jsoup.parse(r.asString()).selectFirst(".error"), r.asString());
        }
    }

    @Test
    void codeThatExpiresBeforeTheAnswerIsNotApproved() {
        ClientEntity client = deviceClient();
        Device device = device(client, "openid");
        TestBrowser b = new TestBrowser();
        Response consent = Flows.login(b, enter(b, device.shown()), fixtures.user());
        assertTrue(isDeviceConsentPage(consent));
        change(device, d -> d.expiresAt = Instant.now().minusSeconds(1));
        Response late = answer(b, consent, "approve");
        assertEquals(400, late.statusCode());
        assertTrue(late.asString().contains("expired"), late.asString());
        assertEquals(DeviceCodeEntity.PENDING, row(device).status);
        assertNull(row(device).grantId);
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        ClientEntity client = deviceClient();
        Device device = device(client, "openid");
        TestBrowser b = new TestBrowser();
        Response page = b.get("/device");
        Response forged = b.submit(TestBrowser.form(page).with("csrf", "forged").with("user_code", device.shown()));
        assertEquals(403, forged.statusCode());
        Response consent = Flows.login(b, enter(b, device.shown()), fixtures.user());
        Response forgedAnswer = b.submit(TestBrowser.form(consent).with("csrf", "forged").with("decision", "approve"));
        assertEquals(403, forgedAnswer.statusCode());
        assertEquals(DeviceCodeEntity.PENDING, row(device).status);
    }

    @Test
    void wrongCodesAreCountedAndABlockedBrowserWaitsEvenWithTheRightCode() {
        ClientEntity client = deviceClient();
        Device device = device(client, "openid");
        TestBrowser b = new TestBrowser();
        Response wrong = enter(b, "BBBB-BBBB");
        wrong = b.submit(TestBrowser.form(wrong).with("user_code", "CCCC-CCCC"));
        String key = UserCodeThrottle.browserKey(b.cookies.get(PendingRequests.BROWSER_COOKIE));
        assertEquals(2, ((Number) QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select failures from login_throttle where key = ?1").setParameter(1, key).getSingleResult())).intValue());
        // As after the free attempts (gatehouse.login.*): the browser is blocked for a while.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update login_throttle set blocked_until = now() + interval '10 minutes' where key = ?1").setParameter(1, key).executeUpdate());
        Response blocked = b.submit(TestBrowser.form(wrong).with("user_code", device.shown()));
        assertEquals(429, blocked.statusCode());
        assertNotNull(blocked.header("Retry-After"));
        assertTrue(Jsoup.parse(blocked.asString()).selectFirst(".error").text().contains("Too many"));
        assertTrue(Flows.isLoginPage(enter(new TestBrowser(), device.shown())), "another browser is not blocked");
    }

    @Test
    void deviceRequestCannotBeAnsweredOnTheAuthorizationConsentPage() {
        ClientEntity client = deviceClient();
        TestBrowser b = new TestBrowser();
        Response consent = Flows.login(b, enter(b, device(client, "openid").shown()), fixtures.user());
        String requestId = TestBrowser.form(consent).fields().get("request");
        Response page = b.get("/consent?request=" + requestId);
        assertEquals(400, page.statusCode());
        Response post = b.post("/consent", Map.of("request", requestId, "csrf", TestBrowser.form(consent).fields().get("csrf"),
                "decision", "allow"));
        assertEquals(400, post.statusCode());
        assertTrue(post.contentType().startsWith("text/html"));
    }

    @Test
    void unknownConsentRequestShowsAnErrorPage() {
        Response r = new TestBrowser().get("/device/consent?request=unknown");
        assertEquals(400, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"));
    }
}
