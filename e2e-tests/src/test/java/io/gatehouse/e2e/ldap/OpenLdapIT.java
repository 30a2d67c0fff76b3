package io.gatehouse.e2e.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.SuiteKeys;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.gatehouse.launcher.Suite;
import io.gatehouse.testsupport.TestDatabase;
import io.restassured.response.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 19 end to end against OpenLDAP: an authorize-service with {@code gatehouse.users.store=ldap} beside the
 * running suite (same database, keys and issuer; the suite's token and userinfo services) signs a directory user in
 * through the browser flow, login, consent, code, tokens, userinfo with claims mapped from the directory's
 * attributes; refuses a wrong password, an unknown user, a locked account and a filter injection; and, with the
 * directory stopped mid-test, answers "sign-in temporarily unavailable" while issued tokens keep working, and
 * recovers when it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenLdapIT {

    static final String CLIENT = "conformance-basic";
    static final String SECRET = "conformance-basic-secret-0123456789";
    static final String REDIRECT = "http://localhost:9090/cb";
    static final String PASSWORD = "lena-password-in-openldap";

    Slapd slapd;
    Suite ldapAuthorize;
    String authorize;
    RelyingParty rp;
    String accessToken;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Slapd.find().isPresent(), "slapd is not installed (Debian package slapd; .ci/run installs it)");
        Suite suite = RunningSuite.get();
        Path root = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();
        slapd = new Slapd(root.resolve("e2e-tests/target/slapd"), freePort());
        slapd.create(root.resolve("e2e-tests/src/test/resources/ldap/directory.ldif"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATEHOUSE_JAVA_OPTS", "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        env.put("GATEHOUSE_KEYS_ENCRYPTION_KEY", RunningSuite.keyEncryptionKey());
        env.put("GATEHOUSE_URLS_TOKEN", RunningSuite.url("token-service"));
        env.put("GATEHOUSE_URLS_USERINFO", RunningSuite.url("userinfo-service"));
        env.put("GATEHOUSE_URLS_DISCOVERY", RunningSuite.url("discovery-service"));
        env.put("GATEHOUSE_LOGOUT_DELIVERY_ENABLED", "false");
        env.put("GATEHOUSE_USERS_STORE", "ldap");
        env.put("GATEHOUSE_LDAP_URLS", slapd.url());
        env.put("GATEHOUSE_LDAP_BIND_DN", Slapd.ROOT_DN);
        env.put("GATEHOUSE_LDAP_BIND_PASSWORD", Slapd.ROOT_PASSWORD);
        env.put("GATEHOUSE_LDAP_USER_BASE_DN", "ou=people," + Slapd.SUFFIX);
        env.put("GATEHOUSE_LDAP_CONNECT_TIMEOUT", "1s");
        env.put("GATEHOUSE_LDAP_RESPONSE_TIMEOUT", "2s");
        ldapAuthorize = Suite.start(new Suite.Options(root, TestDatabase.get(), Map.of("authorize-service", freePort()),
                suite.issuer(), root.resolve("e2e-tests/target/service-logs-ldap"), null, env));
        ldapAuthorize.awaitReady(Duration.ofSeconds(120));
        authorize = ldapAuthorize.service("authorize-service").baseUrl();
        rp = new RelyingParty(suite.issuer(), CLIENT, SECRET, REDIRECT);
    }

    @AfterAll
    void stop() {
        if (ldapAuthorize != null) {
            ldapAuthorize.close();
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    @Order(1)
    void directoryUserSignsInAndClaimsComeFromTheDirectory() throws Exception {
        Map<String, String> req = rp.request("code", "openid profile email phone");
        AuthorizationOutcome o = new UserAgentDriver(new Browser(), "lena", PASSWORD).authorize(authorize + "/authorize", req, REDIRECT);
        assertNotNull(o.param("code"), o.toString());
        assertEquals(req.get("state"), o.param("state"));
        Response tokens = rp.redeem(o.param("code")); // the suite's token-service
        assertEquals(200, tokens.statusCode(), tokens::asString);
        IDTokenClaimsSet id = rp.validateIdToken(tokens.jsonPath().getString("id_token"), req.get("nonce"));
        String sub = id.getSubject().getValue();
        UUID.fromString(sub); // entryUUID, never the DN
        assertFalse(sub.contains("="), "the subject is no DN");
        assertEquals("ldap", column("select store from users where id = ?::uuid", sub), "a shadow row of the directory user");

        accessToken = tokens.jsonPath().getString("access_token");
        Response userinfo = rp.userinfo(accessToken); // the suite's userinfo-service
        assertEquals(200, userinfo.statusCode(), userinfo::asString);
        assertEquals(sub, userinfo.jsonPath().getString("sub"));
        assertEquals("lena@example.com", userinfo.jsonPath().getString("email"), userinfo.asString());
        assertEquals("Lena", userinfo.jsonPath().getString("given_name"));
        assertEquals("Directory", userinfo.jsonPath().getString("family_name"));
        assertEquals("+1 555 0199", userinfo.jsonPath().getString("phone_number"));
    }

    @Test
    @Order(2)
    void wrongPasswordAndUnknownUserAreTheSameRefusal() {
        for (String[] attempt : new String[][] {{"lena", "not-her-password"}, {"nobody-" + UUID.randomUUID(), PASSWORD}}) {
            Response r = login(attempt[0], attempt[1]);
            assertEquals(200, r.statusCode());
            assertTrue(text(r).contains("The username or password is not correct."), text(r));
            assertTrue(isLoginPage(r));
        }
    }

    @Test
    @Order(3)
    void lockedAccountIsRefusedWithItsOwnMessage() {
        Response r = login("locked", "locked-password"); // the right password: the lock is what refuses it
        assertEquals(200, r.statusCode());
        assertTrue(text(r).contains("This account is locked."), text(r));
    }

    @Test
    @Order(4)
    void filterInjectionInTheUsernameFindsNobody() {
        for (String injected : new String[] {"*)(uid=*", "*", "lena)(|(uid=*", "l*"}) {
            Response r = login(injected, PASSWORD);
            assertEquals(200, r.statusCode(), injected);
            assertTrue(text(r).contains("The username or password is not correct."), injected + ": " + text(r));
        }
    }

    @Test
    @Order(5)
    void directoryStoppedMidTestIsAClearPageTokensKeepWorkingAndItRecovers() throws Exception {
        assertNotNull(accessToken, "the sign-in test ran first");
        slapd.stop();
        try {
            Response r = login("lena", PASSWORD);
            assertEquals(503, r.statusCode(), r::asString);
            assertTrue(text(r).contains("Sign-in is temporarily unavailable."), text(r));
            assertEquals(200, rp.userinfo(accessToken).statusCode(), "issued tokens keep working from what is stored");
            assertTrue(io.restassured.RestAssured.get(authorize + "/q/health/ready").asString().contains("degraded"));
        } finally {
            slapd.start();
        }
        Response again = null;
        for (int i = 0; i < 50; i++) { // the pool replaces its dead connections on its own
            again = login("lena", PASSWORD);
            if (again.statusCode() != 503) {
                break;
            }
            Thread.sleep(200);
        }
        assertFalse(isLoginPage(again), "signed in again once the directory is back: " + again.statusCode());
    }

    /** One login form post: the response to the credentials (a page, or the redirect onward). */
    Response login(String username, String password) {
        Browser browser = new Browser();
        Map<String, String> req = rp.request("code", "openid");
        Response toLogin = browser.get(authorize + "/authorize?" + UserAgentDriver.query(req));
        String loginUrl = URI.create(authorize).resolve(toLogin.header("Location")).toString();
        Response page = browser.get(loginUrl);
        Element form = Jsoup.parse(page.asString(), loginUrl).selectFirst("form");
        assertNotNull(form, page.asString());
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(in -> fields.put(in.attr("name"), in.attr("value")));
        fields.put("username", username);
        fields.put("password", password);
        fields.put("action", "login");
        String action = form.absUrl("action").isEmpty() ? loginUrl : form.absUrl("action");
        return browser.post(action, fields);
    }

    static boolean isLoginPage(Response r) {
        return r.statusCode() == 200 && Jsoup.parse(r.asString()).selectFirst("input[type=password]") != null;
    }

    static String text(Response r) {
        return Jsoup.parse(r.asString()).text();
    }

    static String column(String sql, String parameter) throws Exception {
        try (Connection c = SuiteKeys.database(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
