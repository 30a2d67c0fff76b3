package io.gatehouse.authorize;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.claims.ClaimsResolver;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** gatehouse.users.store=ldap: logins against a real LDAP server, claims from its attributes, the directory down. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(LdapLoginTest.LdapStore.class)
class LdapLoginTest {

    public static class LdapStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LdapDirectoryResource.class));
        }
    }

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    ClaimsResolver claims;
    @Inject
    EntityManager em;

    Response loginAs(TestBrowser b, ClientEntity client, String username, String password) {
        Response page = b.follow(b.authorize(Flows.request(client, "code", "openid profile email address phone")));
        assertTrue(Flows.isLoginPage(page), page.asString());
        return b.follow(b.submit(TestBrowser.form(page).with("username", username).with("password", password)));
    }

    static String message(Response r) {
        return Jsoup.parse(r.asString()).text();
    }

    @Test
    void directoryUserLogsInWithEntryUuidAsSubjectAndClaimsFromTheDirectory() throws Exception {
        ClientEntity client = fixtures.client();
        TestBrowser b = new TestBrowser();
        Response r = loginAs(b, client, "bob", "bob-password");
        assertTrue(Flows.isConsentPage(r), r.asString());
        r = Flows.consent(b, r, "allow");
        assertNotNull(Flows.parameters(r).get("code"));

        UUID subject = UUID.fromString(LdapDirectoryResource.entryUuid("bob"));
        UserEntity user = QuarkusTransaction.requiringNew().call(() -> em.find(UserEntity.class, subject));
        assertEquals("ldap", user.store);
        assertEquals("bob", user.username);
        assertEquals(null, user.passwordHash);
        Map<String, Object> info = claims.resolve(user, List.of("openid", "profile", "email", "address", "phone"),
                ClaimsRequest.NONE, true).userinfo();
        assertEquals(subject.toString(), info.get("sub"));
        assertEquals("bob@example.org", info.get("email"), "first value of a multi-valued attribute");
        assertEquals("Bob", info.get("given_name"));
        assertEquals("+46 8 123 456", info.get("phone_number"));
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) info.get("address");
        assertEquals("Storgatan 1\n111 22 Stockholm\nSweden", address.get("formatted"));
        assertEquals("Stockholm", address.get("locality"));
        Number audited = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from audit_events where type = 'login_succeeded' and user_id = ?1")
                .setParameter(1, subject).getSingleResult());
        assertTrue(audited.intValue() >= 1);
    }

    @Test
    void wrongPasswordUnknownUserAndInjectionAreTheSameFailure() {
        ClientEntity client = fixtures.client();
        for (String[] attempt : new String[][] {{"bob", "wrong"}, {"nobody", "bob-password"}, {"*)(uid=*", "bob-password"}, {"*", "x"}}) {
            Response r = loginAs(new TestBrowser(), client, attempt[0], attempt[1]);
            assertEquals(200, r.statusCode());
            assertTrue(message(r).contains("The username or password is not correct."), message(r));
        }
    }

    @Test
    void directoryLoginsAreThrottledAndAuditedLikeLocalOnes() {
        ClientEntity client = fixtures.client();
        clearThrottle();
        long failedBefore = auditEvents("login_failed");
        try {
            for (int i = 0; i < 5; i++) { // gatehouse.login.account-free-attempts
                assertEquals(200, loginAs(new TestBrowser(), client, "dora", "wrong-" + i).statusCode());
            }
            Response throttled = loginAs(new TestBrowser(), client, "dora", "dora-password");
            assertEquals(429, throttled.statusCode(), "the sixth attempt waits, even with the right password");
            assertEquals(failedBefore + 5, auditEvents("login_failed"));
        } finally {
            clearThrottle();
        }
        assertTrue(Flows.isConsentPage(loginAs(new TestBrowser(), client, "dora", "dora-password")));
    }

    void clearThrottle() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_throttle where key in ('user:dora') or key like 'ip:%'")
                .executeUpdate());
    }

    long auditEvents(String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from audit_events where type = ?1")
                .setParameter(1, type).getSingleResult()).longValue());
    }

    @Test
    void lockedAccountIsRefusedWithItsOwnMessage() {
        Response r = loginAs(new TestBrowser(), fixtures.client(), "carol", "carol-password");
        assertEquals(200, r.statusCode());
        assertTrue(message(r).contains("This account is locked."), message(r));
    }

    @Test
    void directoryDownAnswers503AndRecovers() throws Exception {
        ClientEntity client = fixtures.client();
        LdapDirectoryResource.server.shutDown("ldap", true);
        try {
            Response r = loginAs(new TestBrowser(), client, "bob", "bob-password");
            assertEquals(503, r.statusCode());
            assertTrue(message(r).contains("Sign-in is temporarily unavailable."), message(r));
            assertEquals("30", r.header("Retry-After"));
            given().get("/q/health/ready").then().statusCode(200);
            assertTrue(given().get("/q/health/ready").asString().contains("degraded"));
            given().get("/q/health/group/user-store").then().statusCode(503);
        } finally {
            LdapDirectoryResource.server.startListening("ldap");
        }
        Response r = loginAs(new TestBrowser(), client, "bob", "bob-password");
        assertTrue(Flows.isConsentPage(r), r.asString());
        given().get("/q/health/group/user-store").then().statusCode(200);
    }
}
