package io.gatehouse.e2e.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.gatehouse.e2e.tracing.OtlpReceiver.ExportedSpan;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21.1: one sign-in is one trace across the services. The relying party's browser and back end send a W3C
 * traceparent, as an ingress does; the services export over OTLP to {@link OtlpReceiver}. The test reads the
 * parent/child structure: each service's server span is a child of the caller's span, and the database, signing and
 * password spans are children within their service. No span attribute holds a code, token, secret or password.
 */
class TracingIT {

    private static final String CLIENT = "demo-rp";
    private static final String SECRET = "demo-rp-secret-local-only";
    private static final String REDIRECT = "http://localhost:9090/callback";
    private static final String USER = "alice";
    private static final String PASSWORD = "alice-password-local-only";

    static RelyingParty rp;

    @BeforeAll
    static void suite() {
        rp = new RelyingParty(RunningSuite.get().issuer(), CLIENT, SECRET, REDIRECT);
    }

    @Test
    void aCodeFlowIsOneTraceAcrossAuthorizeAndTokenService() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String traceparent = "00-" + traceId + "-" + callerSpan + "-01";

        Browser browser = new Browser().header("traceparent", traceparent);
        Map<String, String> request = rp.request("code", "openid profile");
        AuthorizationOutcome outcome = new UserAgentDriver(browser, USER, PASSWORD)
                .authorize(rp.endpoint("authorization_endpoint"), request, REDIRECT);
        assertTrue(outcome.isCallback(), outcome.toString());
        String code = outcome.param("code");
        Response token = given().header("traceparent", traceparent).auth().preemptive().basic(CLIENT, SECRET)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT))
                .post(rp.endpoint("token_endpoint"));
        assertEquals(200, token.statusCode(), token.asString());
        JsonPath tokens = token.jsonPath();

        List<ExportedSpan> spans = awaitSpans(traceId, s -> s.service().equals("token-service") && s.name().equals("jws.sign"));
        Map<String, ExportedSpan> byId = spans.stream().collect(Collectors.toMap(ExportedSpan::spanId, Function.identity()));

        // The services continue the caller's trace: their server spans are children of the caller's span.
        List<ExportedSpan> servers = spans.stream().filter(s -> s.kind() == ExportedSpan.KIND_SERVER).toList();
        assertTrue(servers.stream().anyMatch(s -> s.service().equals("authorize-service")), names(spans));
        assertTrue(servers.stream().anyMatch(s -> s.service().equals("token-service")), names(spans));
        for (ExportedSpan s : servers) {
            assertEquals(callerSpan, s.parentSpanId(), "server span " + s.name() + " of " + s.service());
        }
        // Every other span hangs, through its parents, from a server span of its own service.
        for (ExportedSpan s : spans) {
            if (s.kind() != ExportedSpan.KIND_SERVER) {
                ExportedSpan root = serverAncestor(s, byId).orElseThrow(() -> new AssertionError("orphan " + s));
                assertEquals(s.service(), root.service(), s.name());
            }
        }
        // The spans the issue names: the token's signature and a database call under POST /token, the password check
        // under the login form's POST.
        ExportedSpan tokenServer = servers.stream().filter(s -> s.service().equals("token-service")).findFirst().orElseThrow();
        assertTrue(spans.stream().anyMatch(s -> s.name().equals("jws.sign") && under(s, tokenServer, byId)), names(spans));
        assertTrue(spans.stream().anyMatch(s -> "postgresql".equals(s.attributes().get("db.system"))
                && under(s, tokenServer, byId)), names(spans));
        assertTrue(spans.stream().anyMatch(s -> s.service().equals("authorize-service") && s.name().equals("password.verify")
                && serverAncestor(s, byId).map(r -> r.name().startsWith("POST")).orElse(false)), names(spans));

        // Nothing secret in any attribute of this trace, nor in anything the suite exported so far.
        // The query of /authorize was recorded by name only (QueryValuesRedaction): not even the state is there.
        List<String> secrets = List.of(code, tokens.getString("access_token"), tokens.getString("refresh_token"),
                tokens.getString("id_token"), PASSWORD, SECRET, request.get("state"), request.get("nonce"));
        assertTrue(spans.stream().anyMatch(s -> s.attributes().getOrDefault("url.query", "").contains("client_id")),
                "the parameter names are kept: " + spans);
        assertNoSecret(spans, secrets);
        assertNoSecret(OtlpReceiver.get().all(), List.of(PASSWORD, SECRET, "conformance-basic-secret-0123456789"));
    }

    @Test
    void withoutATraceparentEachRequestStartsItsOwnTrace() {
        Response discovery = given().get(RunningSuite.get().issuer() + "/.well-known/openid-configuration");
        assertEquals(200, discovery.statusCode());
        List<ExportedSpan> spans = awaitSpans(null, s -> s.service().equals("discovery-service")
                && s.kind() == ExportedSpan.KIND_SERVER && s.name().contains("openid-configuration"));
        assertFalse(spans.isEmpty());
        assertTrue(spans.stream().allMatch(s -> s.parentSpanId().isEmpty()), "a root span: " + spans);
    }

    private static void assertNoSecret(List<ExportedSpan> spans, List<String> secrets) {
        for (ExportedSpan s : spans) {
            assertFalse(s.attributes().getOrDefault("url.query", "").contains("="), "a query value in " + s);
            for (Map.Entry<String, String> a : s.attributes().entrySet()) {
                for (String secret : secrets) {
                    assertFalse(a.getValue().contains(secret) || s.name().contains(secret),
                            "span " + s.name() + " of " + s.service() + " carries a secret in " + a.getKey());
                }
            }
        }
    }

    private static boolean under(ExportedSpan s, ExportedSpan ancestor, Map<String, ExportedSpan> byId) {
        for (ExportedSpan p = byId.get(s.parentSpanId()); p != null; p = byId.get(p.parentSpanId())) {
            if (p.spanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ExportedSpan> serverAncestor(ExportedSpan s, Map<String, ExportedSpan> byId) {
        for (ExportedSpan p = byId.get(s.parentSpanId()); p != null; p = byId.get(p.parentSpanId())) {
            if (p.kind() == ExportedSpan.KIND_SERVER) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The spans of {@code traceId} (or of all traces) once one matches {@code until} and the batch settled. */
    private static List<ExportedSpan> awaitSpans(String traceId, java.util.function.Predicate<ExportedSpan> until) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<ExportedSpan> spans = traceId == null ? OtlpReceiver.get().all() : OtlpReceiver.get().trace(traceId);
            if (spans.stream().anyMatch(until)) {
                pause(1_000); // the rest of the batch (the services export every 200 ms)
                List<ExportedSpan> settled = traceId == null ? OtlpReceiver.get().all() : OtlpReceiver.get().trace(traceId);
                return traceId == null ? settled.stream().filter(until).toList() : settled;
            }
            pause(100);
        }
        throw new AssertionError("no span arrived: " + names(traceId == null ? OtlpReceiver.get().all()
                : OtlpReceiver.get().trace(traceId)));
    }

    private static String names(List<ExportedSpan> spans) {
        return spans.stream().map(s -> s.service() + ":" + s.name() + "(" + s.kind() + ")").collect(Collectors.joining(", "));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
