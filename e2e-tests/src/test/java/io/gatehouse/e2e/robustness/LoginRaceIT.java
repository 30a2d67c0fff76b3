package io.gatehouse.e2e.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.SuiteKeys;
import io.gatehouse.e2e.conformance.ConformanceReport;
import io.gatehouse.e2e.conformance.Plan;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One login form posted eight times at once (a double click, a retrying proxy): the same pending request, the same
 * CSRF token, the same browser cookies. Exactly one session row, one login audited, and every post answered alike
 * (the same redirect, the same session cookie), through the four running services. Concurrent code redemptions and
 * refreshes are token-service's own tests (ConcurrencyTest).
 */
@ExtendWith(ConformanceReport.class)
@Plan("Robustness: races")
class LoginRaceIT {

    static final int POSTS = 8;
    static final String CLIENT = "conformance-basic";
    static final String REDIRECT = "http://localhost:9090/cb";

    @Test
    @DisplayName("one login form posted by 8 threads at once: one session, one answer, the flow goes on")
    void loginFormPostedConcurrentlyGivesOneSessionAndOneAnswer() throws Exception {
        String authorize = RunningSuite.url("authorize-service");
        RelyingParty rp = new RelyingParty(RunningSuite.get().issuer(), CLIENT, "conformance-basic-secret-0123456789", REDIRECT);
        Map<String, String> request = rp.request("code", "openid");
        request.put("prompt", "consent"); // the consent page always follows the login: one deterministic next step
        Browser browser = new Browser();
        Response toLogin = browser.get(authorize + "/authorize?" + UserAgentDriver.query(request));
        Response loginPage = browser.get(URI.create(authorize).resolve(toLogin.header("Location")).toString());
        Map<String, String> form = fields(Jsoup.parse(loginPage.asString()).selectFirst("form"));
        form.put("username", "alice");
        form.put("password", "alice-password-local-only");
        form.put("action", "login");
        String cookies = cookieHeader(browser.cookies());
        long sessionsBefore = count("select count(*) from sessions s join users u on u.id = s.user_id where u.username = 'alice'");
        long loginsBefore = count("select count(*) from audit_events where type = 'login_succeeded'");

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(authorize + "/login")).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(UserAgentDriver.query(form))).build();
        ExecutorService pool = Executors.newFixedThreadPool(POSTS);
        List<String> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> posts = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
                    String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("GH_SESSION="))
                            .map(c -> c.split(";", 2)[0]).findFirst().orElse("no session cookie");
                    return r.statusCode() + " " + r.headers().firstValue("Location").orElse("no Location") + " " + session;
                }));
            }
            start.countDown();
            for (Future<String> f : posts) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, answers.stream().distinct().count(), () -> "all " + POSTS + " posts answered alike: " + answers);
        String[] answer = answers.get(0).split(" ");
        assertEquals("303", answer[0], answers.get(0));
        assertTrue(answer[2].startsWith("GH_SESSION="), answers.get(0));
        assertEquals(sessionsBefore + 1, count("select count(*) from sessions s join users u on u.id = s.user_id where u.username = 'alice'"),
                "exactly one session row");
        assertEquals(loginsBefore + 1, count("select count(*) from audit_events where type = 'login_succeeded'"), "one login audited");

        // The session every answer named carries the flow on: consent, code, tokens.
        String both = cookies + "; " + answer[2];
        HttpResponse<String> consentPage = http.send(HttpRequest.newBuilder(URI.create(authorize).resolve(answer[1])).header("Cookie", both).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, consentPage.statusCode(), consentPage::body);
        Map<String, String> consent = fields(Jsoup.parse(consentPage.body()).selectFirst("form"));
        consent.put("decision", "allow");
        HttpResponse<String> callback = http.send(HttpRequest.newBuilder(URI.create(authorize + "/consent")).header("Cookie", both)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(UserAgentDriver.query(consent))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = callback.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(REDIRECT + "?"), () -> "redirect to the client: " + callback.statusCode() + " " + callback.body());
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(request.get("state"), params.get("state"));
        Response tokens = rp.redeem(params.get("code"));
        assertEquals(200, tokens.statusCode(), tokens::asString);
        assertNotNull(rp.validateIdToken(tokens.jsonPath().getString("id_token"), request.get("nonce")).getSubject());
    }

    static Map<String, String> fields(Element form) {
        assertNotNull(form, "a form on the page");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }

    static String cookieHeader(Map<String, String> cookies) {
        StringBuilder s = new StringBuilder();
        cookies.forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        return s.toString();
    }

    static long count(String sql) throws Exception {
        try (Connection c = SuiteKeys.database(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
