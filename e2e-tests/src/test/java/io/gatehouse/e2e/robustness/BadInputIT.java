package io.gatehouse.e2e.robustness;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.SuiteKeys;
import io.gatehouse.e2e.conformance.ConformanceReport;
import io.gatehouse.e2e.conformance.Plan;
import io.gatehouse.e2e.rp.Browser;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue (issue 9): every public endpoint of the four running services gets malformed, oversized,
 * repeated and wrongly typed parameters, wrong content types and methods, invalid UTF-8, NUL bytes, huge headers and
 * bodies, and hostile JWTs (alg none, unknown kid, a key of another type, HMAC keyed with the public key, impossible
 * times) as access tokens, ID token hints, client assertions and request objects. Each row names what is sent and
 * the answer the specifications demand: status, error code, and a 401 always with its challenge (RFC 9110 15.5.2).
 * Every answer also holds the house rules: never a 5xx, never a stack trace, never the hostile
 * {@code <script>} reflected into HTML. The battery changes no row of the main tables, except the audit of the
 * failed logins it provokes.
 */
@ExtendWith(ConformanceReport.class)
@Plan("Robustness: bad input")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    static final String X = "<script>alert(1)</script>";
    static final String XQ = enc(X);
    static final String A = "authorize-service";
    static final String T = "token-service";
    static final String U = "userinfo-service";
    static final String D = "discovery-service";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    static final String RP = "demo-rp";
    static final String RP_SECRET = "demo-rp-secret-local-only";
    static final String RP_REDIRECT = "http://localhost:9090/callback";
    static final String JWT_CLIENT_REDIRECT = "http://localhost:9090/cb-bad-input";
    /** The main tables whose rows bad input must leave alone (issue 9). */
    static final List<String> TABLES = List.of("clients", "users", "sessions", "authorization_codes", "grants",
            "refresh_tokens", "consents");
    /** Audit events the battery may cause: refused logins and user codes are recorded (DESIGN.md "audit events"). */
    static final Set<String> ALLOWED_AUDIT = Set.of("login_failed", "user_code_failed");

    static Fixtures fixtures;
    static Map<String, String> rowsBefore;
    static long auditBefore;
    /** When the battery began: batched events of earlier decisions (tokens issued) may be inserted after it. */
    static java.sql.Timestamp auditSince;

    // ---------------------------------------------------------------------------------------------------------------
    // The catalogue
    // ---------------------------------------------------------------------------------------------------------------

    static List<Case> catalogue() throws Exception {
        Fixtures f = fixtures = new Fixtures();
        List<Case> cases = new ArrayList<>();
        String rpQuery = "client_id=" + RP + "&redirect_uri=" + enc(RP_REDIRECT) + "&response_type=code&scope=openid&state=s1";
        String jwtQuery = "client_id=" + f.jwtClient + "&redirect_uri=" + enc(JWT_CLIENT_REDIRECT) + "&response_type=code&scope=openid&state=s1";

        // /authorize: before the client and redirect_uri are verified, an error page that never redirects (OIDC Core 3.1.2.6)
        cases.add(get("authorize: no parameters", A, "/authorize").expect(400).error("invalid_request"));
        cases.add(get("authorize: client_id is <script>", A, "/authorize?client_id=" + XQ + "&state=" + XQ).expect(400).error("invalid_client"));
        cases.add(get("authorize: client_id invalid UTF-8 %C3%28", A, "/authorize?client_id=%C3%28").expect(400).error("invalid_client"));
        cases.add(get("authorize: client_id invalid UTF-8 %FF", A, "/authorize?client_id=%FF&redirect_uri=%FF").expect(400).error("invalid_client"));
        cases.add(get("authorize: client_id with NUL %00", A, "/authorize?client_id=demo-rp%00").expect(400).error("invalid_request"));
        cases.add(get("authorize: client_id repeated", A, "/authorize?client_id=" + RP + "&client_id=" + RP).expect(400).error("invalid_request"));
        cases.add(get("authorize: redirect_uri is <script>", A, "/authorize?client_id=" + RP + "&redirect_uri=" + XQ + "&state=" + XQ)
                .expect(400).error("invalid_request"));
        cases.add(get("authorize: redirect_uri registered plus a suffix", A, "/authorize?client_id=" + RP + "&redirect_uri="
                + enc(RP_REDIRECT + "/../evil") + "&response_type=code&scope=openid").expect(400).error("invalid_request"));
        cases.add(get("authorize: redirect_uri repeated", A, "/authorize?" + rpQuery + "&redirect_uri=" + enc(RP_REDIRECT))
                .expect(400).error("invalid_request"));
        cases.add(get("authorize: malformed percent-encoding in the query", A, "/authorize?client_id=%zz&state=%").expect(400));
        cases.add(get("authorize: query longer than the request line limit", A, "/authorize?" + rpQuery + "&nonce=" + "n".repeat(20_000))
                .expect(414, 400));
        cases.add(get("authorize: 100 KB cookie header", A, "/authorize?" + rpQuery).header("Cookie", "GH_SESSION=" + "c".repeat(100_000))
                .expect(431, 400));
        // ... after they are verified, the error goes back to the client with state and iss (RFC 6749 4.1.2.1, RFC 9207)
        cases.add(get("authorize: response_type is <script>", A, "/authorize?client_id=" + RP + "&redirect_uri=" + enc(RP_REDIRECT)
                + "&response_type=" + XQ + "&scope=openid&state=" + XQ).expect(302).error("unsupported_response_type"));
        cases.add(get("authorize: response_type missing", A, "/authorize?client_id=" + RP + "&redirect_uri=" + enc(RP_REDIRECT)
                + "&scope=openid&state=s1").expect(302).error("invalid_request"));
        cases.add(get("authorize: form_post error page escapes <script> in state", A, "/authorize?client_id=" + RP + "&redirect_uri="
                + enc(RP_REDIRECT) + "&response_type=" + XQ + "&response_mode=form_post&state=" + XQ).expect(200).error("unsupported_response_type"));
        cases.add(get("authorize: response_mode is <script>", A, "/authorize?" + rpQuery + "&response_mode=" + XQ).expect(302).error("invalid_request"));
        cases.add(get("authorize: scope is <script>", A, "/authorize?client_id=" + RP + "&redirect_uri=" + enc(RP_REDIRECT)
                + "&response_type=code&scope=" + XQ + "&state=s1").expect(302).error("invalid_scope"));
        cases.add(get("authorize: scope invalid UTF-8", A, "/authorize?client_id=" + RP + "&redirect_uri=" + enc(RP_REDIRECT)
                + "&response_type=code&scope=openid%20%C3%28&state=s1").expect(302).error("invalid_scope"));
        cases.add(get("authorize: scope repeated", A, "/authorize?" + rpQuery + "&scope=profile").expect(302).error("invalid_request"));
        cases.add(get("authorize: prompt is <script>", A, "/authorize?" + rpQuery + "&prompt=" + XQ).expect(302).error("invalid_request"));
        cases.add(get("authorize: prompt=none with login", A, "/authorize?" + rpQuery + "&prompt=none%20login").expect(302).error("invalid_request"));
        cases.add(get("authorize: max_age is text", A, "/authorize?" + rpQuery + "&max_age=" + XQ).expect(302).error("invalid_request"));
        cases.add(get("authorize: max_age beyond a long", A, "/authorize?" + rpQuery + "&max_age=99999999999999999999999").expect(302).error("invalid_request"));
        cases.add(get("authorize: max_age negative", A, "/authorize?" + rpQuery + "&max_age=-1").expect(302).error("invalid_request"));
        cases.add(get("authorize: claims is a JSON array", A, "/authorize?" + rpQuery + "&claims=" + enc("[1]")).expect(302).error("invalid_request"));
        cases.add(get("authorize: claims member of the wrong type", A, "/authorize?" + rpQuery + "&claims="
                + enc("{\"userinfo\":{\"name\":{\"essential\":\"yes\"}}}")).expect(302).error("invalid_request"));
        cases.add(get("authorize: claims value with an escaped NUL (could not be stored with the grant)", A, "/authorize?" + rpQuery + "&claims="
                + enc("{\"userinfo\":{\"name\":{\"value\":\"a\\u0000b\"}}}")).expect(302).error("invalid_request"));
        cases.add(get("authorize: claims nested 3000 deep", A, "/authorize?" + rpQuery + "&claims=" + "%5B".repeat(3000))
                .expect(302, 414).error("invalid_request"));
        cases.add(get("authorize: code_challenge_method is <script>", A, "/authorize?" + rpQuery + "&code_challenge=abc&code_challenge_method=" + XQ)
                .expect(302).error("invalid_request"));
        cases.add(get("authorize: login_hint and ui_locales are <script>, login page escapes them", A, "/authorize?" + rpQuery
                + "&login_hint=" + XQ + "&ui_locales=" + XQ + "&display=" + XQ + "&acr_values=" + XQ).follow().expect(200));
        cases.add(get("authorize: state with NUL", A, "/authorize?" + rpQuery.replace("state=s1", "state=%00")).expect(400, 302));
        cases.add(get("authorize: state invalid UTF-8 %FF", A, "/authorize?" + rpQuery.replace("state=s1", "state=%FF%FE") + "&prompt=none")
                .expect(302).error("login_required"));
        cases.add(get("authorize: Accept-Language garbage", A, "/authorize?" + rpQuery).header("Accept-Language", ";;q=x,@@@;q=2," + X)
                .follow().expect(200));
        // id_token_hint (OIDC Core 3.1.2.1): only an ID token Gatehouse signed names a user
        String hint = "{\"iss\":\"" + f.issuer + "\",\"sub\":\"" + UUID.randomUUID() + "\",\"aud\":\"" + RP + "\",\"iat\":" + f.now + ",\"exp\":" + (f.now + 300) + "}";
        String hintQuery = "/authorize?" + rpQuery + "&prompt=none&id_token_hint=";
        cases.add(get("authorize: id_token_hint alg none", A, hintQuery + Forge.unsigned(f.rsKid, hint)).expect(302).error("invalid_request"));
        cases.add(get("authorize: id_token_hint with unknown kid", A, hintQuery + Forge.signed(Forge.header("RS256", "no-such-kid", null), hint, "RS256",
                f.attackerRsa.getPrivate())).expect(302).error("invalid_request"));
        cases.add(get("authorize: id_token_hint ES256 under the RSA key's kid", A, hintQuery + Forge.signed(Forge.header("ES256", f.rsKid, null), hint,
                "ES256", f.attackerEc.getPrivate())).expect(302).error("invalid_request"));
        cases.add(get("authorize: id_token_hint HS256 keyed with the public key", A, hintQuery + Forge.signed(Forge.header("HS256", f.rsKid, null), hint,
                "HS256", Forge.pem(f.rsPublic))).expect(302).error("invalid_request"));
        cases.add(get("authorize: id_token_hint that is an access token", A, hintQuery + f.accessToken("\"iat\":" + f.now + ",\"exp\":" + (f.now + 300)))
                .expect(302).error("invalid_request"));
        cases.add(get("authorize: id_token_hint expired (still a hint) without a session", A, hintQuery + f.suiteSigned(null,
                hint.replace("\"exp\":" + (f.now + 300), "\"exp\":" + (f.now - 3600)))).expect(302).error("login_required"));
        cases.add(get("authorize: id_token_hint issued in the future (still a hint) without a session", A, hintQuery + f.suiteSigned(null,
                hint.replace("\"iat\":" + f.now, "\"iat\":" + (f.now + 3600)))).expect(302).error("login_required"));
        cases.add(get("authorize: id_token_hint garbage", A, hintQuery + "a.b.c").expect(302).error("invalid_request"));
        // request objects (OIDC Core 6.1, RFC 9101)
        cases.add(get("authorize: request object for another client", A, "/authorize?" + rpQuery + "&request="
                + Forge.unsigned(null, "{\"client_id\":\"someone-else\"}")).expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object payload is an array", A, "/authorize?" + rpQuery + "&request=" + Forge.unsigned(null, "[1]"))
                .expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object HS256 keyed with the public key", A, "/authorize?" + rpQuery + "&request="
                + Forge.signed(Forge.header("HS256", f.rsKid, null), "{\"scope\":\"openid\"}", "HS256", Forge.pem(f.rsPublic)))
                .expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object with unknown kid", A, "/authorize?" + jwtQuery + "&request=" + Forge.signed(
                Forge.header("RS256", "no-such-kid", null), "{\"scope\":\"openid\"}", "RS256", f.attackerRsa.getPrivate()))
                .expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object ES256 where the client has an RSA key", A, "/authorize?" + jwtQuery + "&request="
                + Forge.signed(Forge.header("ES256", Fixtures.CLIENT_KID, null), "{\"scope\":\"openid\"}", "ES256", f.attackerEc.getPrivate()))
                .expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object signed by another key", A, "/authorize?" + jwtQuery + "&request=" + Forge.signed(
                Forge.header("RS256", Fixtures.CLIENT_KID, null), "{\"scope\":\"openid\"}", "RS256", f.otherRsa.getPrivate()))
                .expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object expired", A, "/authorize?" + jwtQuery + "&request=" + f.clientSigned("{\"scope\":\"openid\",\"exp\":"
                + (f.now - 60) + "}")).expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object exp 1e300", A, "/authorize?" + jwtQuery + "&request=" + f.clientSigned("{\"scope\":\"openid\",\"exp\":1e300}"))
                .expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object not valid before a future nbf", A, "/authorize?" + jwtQuery + "&request="
                + f.clientSigned("{\"scope\":\"openid\",\"nbf\":" + (f.now + 3600) + "}")).expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object exp is text", A, "/authorize?" + jwtQuery + "&request=" + f.clientSigned("{\"scope\":\"openid\",\"exp\":\"soon\"}"))
                .expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object encrypted garbage (five parts)", A, "/authorize?" + rpQuery + "&request=a.b.c.d.e")
                .expect(302).error("invalid_request_object"));
        cases.add(get("authorize: request object garbage", A, "/authorize?" + rpQuery + "&request=" + XQ).expect(302).error("invalid_request_object"));
        // Issue 16.5: a client that registered no request_uris cannot make the OP fetch one (OIDC Core 6.4).
        cases.add(get("authorize: request_uri of a client that registered none", A, "/authorize?" + rpQuery + "&request_uri=" + enc("https://evil.example/ro"))
                .expect(302).error("request_uri_not_supported"));
        cases.add(get("authorize: request_uri unknown PAR urn with <script>", A, "/authorize?" + rpQuery + "&request_uri="
                + enc("urn:ietf:params:oauth:request_uri:" + X)).expect(302).error("invalid_request_uri"));
        // wrong methods, content types, encodings and sizes of the POST form (OIDC Core 3.1.2.1)
        // Issue 16.1, 16.2 over the running suite (each service's HostileFramingTest covers every POST endpoint)
        cases.add(post("authorize: POST of empty form pairs =&=", A, "/authorize", FORM, "=&=").expect(400).error("invalid_request"));
        cases.add(post("token: empty form pairs &&=x&", T, "/token", FORM, "&&=x&").expect(400).error("invalid_request"));
        cases.add(post("token: Content-Type ;;;==", T, "/token", FORM + ";;;==", "grant_type=client_credentials").expect(400).error("invalid_request"));
        cases.add(post("userinfo: Content-Type ;charset=", U, "/userinfo", FORM + ";charset=", "access_token=x").expect(400).error("invalid_request"));
        cases.add(post("par: Content-Type /x;", A, "/par", FORM + "/x;", "client_id=demo-rp").expect(400).error("invalid_request"));
        cases.add(post("authorize: POST as JSON", A, "/authorize", JSON, "{\"client_id\":\"demo-rp\"}").expect(415, 400));
        cases.add(post("authorize: POST with malformed percent-encoding", A, "/authorize", FORM, "client_id=%&state=%zz").expect(400).error("invalid_request"));
        cases.add(post("authorize: POST with invalid UTF-8 bytes", A, "/authorize", FORM, "client_id=\u00ff\u00fe").latin1().expect(400).error("invalid_client"));
        cases.add(post("authorize: POST of 40 KB (too large to redirect back)", A, "/authorize", FORM, rpQuery.replace("state=s1", "state=" + "s".repeat(40_000)))
                .expect(400).error("invalid_request"));
        cases.add(send("authorize: PUT", "PUT", A, "/authorize?" + rpQuery).expect(405));
        cases.add(send("authorize: DELETE", "DELETE", A, "/authorize").expect(405));

        // login, consent, account, device pages
        cases.add(get("login: request id is <script>", A, "/login?request=" + XQ).expect(400).error("invalid_request"));
        cases.add(get("login: no request id", A, "/login").expect(400).error("invalid_request"));
        cases.add(post("login: unknown request", A, "/login", FORM, "request=" + XQ + "&csrf=x&username=" + XQ + "&password=x").expect(400).error("invalid_request"));
        cases.add(post("login: forged CSRF token", A, "/login", FORM, "request=" + f.loginRequest + "&csrf=forged&username=alice&password=x")
                .header("Cookie", f.loginCookies).expect(403).error("invalid_request"));
        cases.add(post("login: wrong password, username <script> not reflected", A, "/login", FORM, "request=" + f.loginRequest + "&csrf="
                + f.loginCsrf + "&username=" + XQ + "&password=wrong").header("Cookie", f.loginCookies).expect(200));
        cases.add(post("login: username of 2 KB and NUL", A, "/login", FORM, "request=" + f.loginRequest + "&csrf=forged&username=%00"
                + "u".repeat(2000) + "&password=%00").header("Cookie", f.loginCookies).expect(403, 413));
        cases.add(post("login: POST as JSON", A, "/login", JSON, "{}").expect(415, 400));
        cases.add(post("login: malformed percent-encoding", A, "/login", FORM, "request=%zz&csrf=%").expect(400).error("invalid_request"));
        cases.add(post("login: body of 2 MB", A, "/login", FORM, "request=x&username=" + "u".repeat(2_000_000)).expect(413, 400));
        cases.add(send("login: PUT", "PUT", A, "/login").expect(405));
        cases.add(get("consent: request id is <script>", A, "/consent?request=" + XQ).expect(400).error("invalid_request"));
        cases.add(post("consent: decision is <script>", A, "/consent", FORM, "request=" + XQ + "&csrf=x&decision=" + XQ).expect(400, 403));
        cases.add(post("consent: malformed percent-encoding", A, "/consent", FORM, "decision=%").expect(400).error("invalid_request"));
        cases.add(send("consent: DELETE", "DELETE", A, "/consent").expect(405));
        cases.add(get("account: forged session cookie", A, "/account").header("Cookie", "GH_SESSION=" + XQ).expect(403));
        cases.add(post("account: revoke without a session", A, "/account/consents/revoke", FORM, "client_id=" + XQ + "&csrf=" + XQ).expect(403));
        cases.add(post("account: revoke with malformed percent-encoding", A, "/account/consents/revoke", FORM, "client_id=%").expect(400).error("invalid_request"));
        cases.add(get("device: user_code is <script>", A, "/device?user_code=" + XQ).expect(200));
        cases.add(get("device: user_code invalid UTF-8", A, "/device?user_code=%FF%FE%C3%28").expect(200));
        cases.add(post("device: no CSRF token", A, "/device", FORM, "user_code=" + XQ).expect(403).error("invalid_request"));
        cases.add(post("device: unknown user code <script>", A, "/device", FORM, "user_code=" + XQ + "&csrf=" + f.deviceCsrf)
                .header("Cookie", f.deviceCookies).expect(200));
        cases.add(post("device: malformed percent-encoding", A, "/device", FORM, "user_code=%zz").expect(400).error("invalid_request"));
        cases.add(get("device: consent request id is <script>", A, "/device/consent?request=" + XQ).expect(400));
        cases.add(post("device: consent decision is <script>", A, "/device/consent", FORM, "request=x&csrf=x&decision=" + XQ).expect(400).error("invalid_request"));
        cases.add(send("device: PUT", "PUT", A, "/device").expect(405));

        // /par (RFC 9126): authenticated as at the token endpoint, errors as RFC 6749 5.2 JSON
        String basicRp = basic(RP, RP_SECRET);
        cases.add(post("par: no client authentication", A, "/par", FORM, "response_type=code&client_id=" + XQ).expect(401).error("invalid_client"));
        cases.add(post("par: wrong secret", A, "/par", FORM, "response_type=code").header("Authorization", basic(RP, "wrong")).expect(401).error("invalid_client"));
        cases.add(post("par: JSON body", A, "/par", JSON, "{\"response_type\":\"code\"}").header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("par: request_uri pushed", A, "/par", FORM, "response_type=code&scope=openid&request_uri=urn%3Ax").header("Authorization", basicRp)
                .expect(400).error("invalid_request"));
        cases.add(post("par: parameter repeated", A, "/par", FORM, "response_type=code&scope=openid&scope=openid").header("Authorization", basicRp)
                .expect(400).error("invalid_request"));
        cases.add(post("par: redirect_uri is <script>", A, "/par", FORM, "response_type=code&scope=openid&redirect_uri=" + XQ).header("Authorization", basicRp)
                .expect(400).error("invalid_request"));
        cases.add(post("par: state with NUL", A, "/par", FORM, "response_type=code&scope=openid&redirect_uri=" + enc(RP_REDIRECT) + "&state=%00")
                .header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("par: request of 40 KB", A, "/par", FORM, "response_type=code&scope=openid&redirect_uri=" + enc(RP_REDIRECT) + "&state="
                + "s".repeat(40_000)).header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("par: malformed percent-encoding", A, "/par", FORM, "response_type=%").header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(send("par: GET", "GET", A, "/par").expect(405));

        // /register (RFC 7591 3.2.2: invalid_client_metadata, invalid_redirect_uri)
        cases.add(post("register: body is not JSON", A, "/register", JSON, "redirect_uris=https://x.example/cb").expect(400).error("invalid_client_metadata"));
        cases.add(post("register: JSON array", A, "/register", JSON, "[1]").expect(400).error("invalid_client_metadata"));
        cases.add(post("register: truncated JSON", A, "/register", JSON, "{\"redirect_uris\":[").expect(400).error("invalid_client_metadata"));
        cases.add(post("register: member repeated", A, "/register", JSON, "{\"redirect_uris\":[\"https://a.example/cb\"],\"redirect_uris\":[\"https://b.example/cb\"]}")
                .expect(400).error("invalid_client_metadata"));
        cases.add(post("register: redirect_uris is a string", A, "/register", JSON, "{\"redirect_uris\":\"https://x.example/cb\"}").expect(400).error("invalid_client_metadata"));
        cases.add(post("register: redirect_uris holds numbers", A, "/register", JSON, "{\"redirect_uris\":[1,2]}").expect(400).error("invalid_client_metadata"));
        cases.add(post("register: client_name with NUL", A, "/register", JSON, "{\"redirect_uris\":[\"https://x.example/cb\"],\"client_name\":\"a\\u0000b\"}")
                .expect(400).error("invalid_client_metadata"));
        cases.add(post("register: logo_uri javascript:", A, "/register", JSON, "{\"redirect_uris\":[\"https://x.example/cb\"],\"client_name\":\"" + X
                + "\",\"logo_uri\":\"javascript:alert(1)\"}").expect(400).error("invalid_client_metadata"));
        cases.add(post("register: default_max_age is text", A, "/register", JSON, "{\"redirect_uris\":[\"https://x.example/cb\"],\"default_max_age\":\"x\"}")
                .expect(400).error("invalid_client_metadata"));
        cases.add(post("register: default_max_age 1e400", A, "/register", JSON, "{\"redirect_uris\":[\"https://x.example/cb\"],\"default_max_age\":1e400}")
                .expect(400).error("invalid_client_metadata"));
        cases.add(post("register: jwks is a string", A, "/register", JSON, "{\"redirect_uris\":[\"https://x.example/cb\"],\"jwks\":\"x\"}")
                .expect(400).error("invalid_client_metadata"));
        cases.add(post("register: redirect_uri with a fragment", A, "/register", JSON, "{\"redirect_uris\":[\"https://x.example/cb#" + X + "\"]}")
                .expect(400).error("invalid_redirect_uri"));
        cases.add(post("register: invalid UTF-8 in an invalid document", A, "/register", JSON, "{\"redirect_uris\":\"\u00ff\u00fe\"}").latin1()
                .expect(400).error("invalid_client_metadata"));
        cases.add(post("register: JSON nested 100000 deep (100 KB, over the 64 KiB cap)", A, "/register", JSON, "[".repeat(100_000))
                .expect(413).error("invalid_request"));
        cases.add(post("register: JSON nested 60000 deep", A, "/register", JSON, "[".repeat(60_000)).expect(400).error("invalid_client_metadata"));
        cases.add(post("register: 1000 redirect_uris", A, "/register", JSON, "{\"redirect_uris\":["
                + String.join(",", java.util.Collections.nCopies(1000, "\"https://rp.example/cb\"")) + "]}").expect(400).error("invalid_client_metadata"));
        cases.add(post("register: body of 11 MB", A, "/register", JSON, "{\"client_name\":\"" + "n".repeat(11 * 1024 * 1024) + "\"}").expect(413, 400));
        cases.add(get("register: client_id with NUL", A, "/register/%00").expect(400).error("invalid_request"));
        cases.add(get("register: read with a forged token", A, "/register/" + XQ).header("Authorization", "Bearer " + f.unsignedAccessToken)
                .expect(401).error("invalid_token").challenge("Bearer"));
        cases.add(send("register: PATCH", "PATCH", A, "/register").expect(405));

        // /admin (a resource server: RFC 6750 challenges)
        cases.add(get("admin: no token", A, "/admin/clients").expect(401).challenge("Bearer"));
        cases.add(get("admin: alg none token", A, "/admin/clients").header("Authorization", "Bearer " + f.unsignedAccessToken).expect(401)
                .error("invalid_token").challenge("Bearer"));
        cases.add(get("admin: HS256 token keyed with the public key", A, "/admin/clients").header("Authorization", "Bearer " + f.hmacAccessToken)
                .expect(401).error("invalid_token").challenge("Bearer"));
        cases.add(get("admin: token with unknown kid", A, "/admin/users?limit=" + XQ).header("Authorization", "Bearer " + f.unknownKidAccessToken)
                .expect(401).error("invalid_token").challenge("Bearer"));
        cases.add(get("admin: NUL in the path", A, "/admin/clients/%00").header("Authorization", "Bearer x").expect(400).error("invalid_request"));
        cases.add(post("admin: truncated JSON with a forged token", A, "/admin/clients", JSON, "{").header("Authorization", "Bearer " + f.unsignedAccessToken)
                .expect(401).error("invalid_token"));

        // ... and with a valid operator token (scope gatehouse:admin): the API's own rules refuse what is malformed
        String admin = "Bearer " + f.adminToken;
        cases.add(get("admin: page whose offset overflows an int", A, "/admin/clients?page=2147483647&size=500").header("Authorization", admin)
                .expect(400).error("invalid_request"));
        cases.add(get("admin: page 4294968 of 500 (offset just past an int)", A, "/admin/audit-events?page=4294968&size=500").header("Authorization", admin)
                .expect(400).error("invalid_request"));
        cases.add(get("admin: size is text", A, "/admin/users?size=" + XQ).header("Authorization", admin).expect(400).error("invalid_request"));
        cases.add(get("admin: audit from is not an instant", A, "/admin/audit-events?from=" + XQ).header("Authorization", admin)
                .expect(400).error("invalid_request"));
        cases.add(get("admin: audit user_id is not a UUID", A, "/admin/audit-events?user_id=%FF%FE").header("Authorization", admin)
                .expect(400).error("invalid_request"));
        cases.add(get("admin: user named by invalid UTF-8", A, "/admin/users/%FF%FE%C3%28").header("Authorization", admin).expect(404));
        cases.add(post("admin: create client of 70 KB", A, "/admin/clients", JSON, "{\"client_name\":\"" + "n".repeat(70_000) + "\"}")
                .header("Authorization", admin).expect(413).error("invalid_request"));
        cases.add(post("admin: create user with 1000 values of one attribute", A, "/admin/users", JSON, "{\"username\":\"m\",\"attributes\":{\"mail\":["
                + String.join(",", java.util.Collections.nCopies(1000, "\"a@b.c\"")) + "]}}").header("Authorization", admin).expect(400).error("invalid_request"));
        cases.add(post("admin: create client from a JSON array", A, "/admin/clients", JSON, "[1]").header("Authorization", admin)
                .expect(400).error("invalid_request"));
        cases.add(post("admin: create client with NUL in client_id", A, "/admin/clients", JSON, "{\"client_id\":\"a\\u0000b\"}")
                .header("Authorization", admin).expect(400).error("invalid_request"));
        cases.add(post("admin: create client with a numeric client_id", A, "/admin/clients", JSON, "{\"client_id\":42}")
                .header("Authorization", admin).expect(400));
        cases.add(post("admin: create client with redirect_uris a string", A, "/admin/clients", JSON, "{\"redirect_uris\":\"" + X + "\"}")
                .header("Authorization", admin).expect(400));
        cases.add(post("admin: create user with a numeric username", A, "/admin/users", JSON, "{\"username\":42}").header("Authorization", admin)
                .expect(400).error("invalid_request"));
        cases.add(send("admin: set a password from a JSON array", "PUT", A, "/admin/users/alice/password").header("Authorization", admin)
                .header("Content-Type", JSON).body("[\"x\"]").expect(400).error("invalid_request"));
        cases.add(send("admin: merge attributes from truncated JSON", "PATCH", A, "/admin/users/alice/attributes").header("Authorization", admin)
                .header("Content-Type", JSON).body("{\"cn\":").expect(400).error("invalid_request"));
        cases.add(send("admin: delete a user named with NUL", "DELETE", A, "/admin/users/%00").header("Authorization", admin)
                .expect(400).error("invalid_request"));

        // /token (RFC 6749 5.2; RFC 7523 for assertions)
        cases.add(send("token: GET", "GET", T, "/token?grant_type=client_credentials").expect(405));
        cases.add(send("token: PUT", "PUT", T, "/token").expect(405));
        cases.add(post("token: JSON body", T, "/token", JSON, "{\"grant_type\":\"client_credentials\"}").expect(400).error("invalid_request"));
        cases.add(post("token: text/plain body", T, "/token", "text/plain", "grant_type=client_credentials").expect(400).error("invalid_request"));
        cases.add(post("token: no grant_type", T, "/token", FORM, "scope=openid").header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("token: grant_type repeated", T, "/token", FORM, "grant_type=client_credentials&grant_type=client_credentials")
                .header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("token: grant_type is <script>", T, "/token", FORM, "grant_type=" + XQ).header("Authorization", basicRp)
                .expect(400).error("unsupported_grant_type"));
        cases.add(post("token: malformed percent-encoding", T, "/token", FORM, "grant_type=%").expect(400).error("invalid_request"));
        cases.add(post("token: malformed percent-encoding in a name", T, "/token", FORM, "%zz=1&grant_type=client_credentials").expect(400).error("invalid_request"));
        cases.add(post("token: client_id invalid UTF-8", T, "/token", FORM, "grant_type=client_credentials&client_id=%FF&client_secret=x")
                .expect(401).error("invalid_client"));
        cases.add(post("token: client_id with NUL", T, "/token", FORM, "grant_type=client_credentials&client_id=demo%00service&client_secret=x")
                .expect(400, 401));
        cases.add(post("token: wrong secret", T, "/token", FORM, "grant_type=client_credentials").header("Authorization", basic(RP, "wrong"))
                .expect(401).error("invalid_client").challenge("Basic"));
        cases.add(post("token: malformed Basic credentials", T, "/token", FORM, "grant_type=client_credentials").header("Authorization", "Basic %%%")
                .expect(401).error("invalid_client").challenge("Basic"));
        cases.add(post("token: Basic credentials not UTF-8", T, "/token", FORM, "grant_type=client_credentials").header("Authorization", "Basic /w==")
                .expect(401).error("invalid_client"));
        cases.add(post("token: two Basic headers", T, "/token", FORM, "grant_type=client_credentials").header("Authorization", basicRp)
                .header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("token: Basic and client_secret together", T, "/token", FORM, "grant_type=client_credentials&client_id=" + RP + "&client_secret=" + RP_SECRET)
                .header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("token: code with NUL", T, "/token", FORM, "grant_type=authorization_code&code=%00&redirect_uri=" + enc(RP_REDIRECT))
                .header("Authorization", basicRp).expect(400).error("invalid_grant"));
        cases.add(post("token: code is <script>", T, "/token", FORM, "grant_type=authorization_code&code=" + XQ).header("Authorization", basicRp)
                .expect(400).error("invalid_grant"));
        cases.add(post("token: code of 100 KB", T, "/token", FORM, "grant_type=authorization_code&code=" + "c".repeat(100_000))
                .header("Authorization", basicRp).expect(400).error("invalid_grant"));
        cases.add(post("token: refresh_token garbage", T, "/token", FORM, "grant_type=refresh_token&refresh_token=%FF%00").header("Authorization", basicRp)
                .expect(400).error("invalid_grant"));
        cases.add(post("token: device_code grant not registered", T, "/token", FORM, "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=x")
                .header("Authorization", basicRp).expect(400).error("unauthorized_client"));
        cases.add(post("token: scope with NUL", T, "/token", FORM, "grant_type=client_credentials&client_id=demo-service&client_secret=demo-service-secret-local-only&scope=%00")
                .expect(400).error("invalid_scope"));
        cases.add(post("token: body of 11 MB", T, "/token", FORM, "grant_type=client_credentials&client_secret=" + "s".repeat(11 * 1024 * 1024)).expect(413));
        cases.add(post("token: 100 KB header", T, "/token", FORM, "grant_type=client_credentials").header("X-Padding", "p".repeat(100_000)).expect(431, 400));
        cases.add(assertionCase("token: client assertion alg none", Forge.unsigned(Fixtures.CLIENT_KID, f.assertionClaims(f.now + 60, ""))));
        cases.add(assertionCase("token: client assertion with unknown kid", Forge.signed(Forge.header("RS256", "no-such-kid", null),
                f.assertionClaims(f.now + 60, ""), "RS256", f.attackerRsa.getPrivate())));
        cases.add(assertionCase("token: client assertion ES256 under an RSA kid", Forge.signed(Forge.header("ES256", Fixtures.CLIENT_KID, null),
                f.assertionClaims(f.now + 60, ""), "ES256", f.attackerEc.getPrivate())));
        cases.add(assertionCase("token: client assertion HS256 keyed with the client's public key", Forge.signed(Forge.header("HS256", Fixtures.CLIENT_KID, null),
                f.assertionClaims(f.now + 60, ""), "HS256", Forge.pem(f.attackerRsa.getPublic()))));
        cases.add(assertionCase("token: client assertion expired", f.clientSigned(f.assertionClaims(f.now - 120, ""))).evidence("expired"));
        cases.add(assertionCase("token: client assertion exp 1e300", f.clientSigned(f.assertionClaims(0, "").replace("\"exp\":0", "\"exp\":1e300"))));
        cases.add(assertionCase("token: client assertion exp two hours ahead", f.clientSigned(f.assertionClaims(f.now + 7200, ""))).evidence("too far"));
        cases.add(assertionCase("token: client assertion iat in the future", f.clientSigned(f.assertionClaims(f.now + 60, ",\"iat\":" + (f.now + 3600))))
                .evidence("not valid yet"));
        cases.add(assertionCase("token: client assertion nbf is text", f.clientSigned(f.assertionClaims(f.now + 60, ",\"nbf\":\"now\""))).evidence("not valid yet"));
        cases.add(assertionCase("token: client assertion for another audience", f.clientSigned(f.assertionClaims(f.now + 60, "")
                .replace(f.tokenUrl, "https://elsewhere.example/token"))).evidence("aud"));
        cases.add(assertionCase("token: client assertion garbage", "a.b"));
        cases.add(post("token: client_assertion_type is <script>", T, "/token", FORM, "grant_type=client_credentials&client_assertion_type=" + XQ
                + "&client_assertion=" + f.clientSigned(f.assertionClaims(f.now + 60, ""))).expect(401).error("invalid_client").challenge("Basic"));

        // /revoke (RFC 7009), /introspect (RFC 7662), /device_authorization (RFC 8628)
        cases.add(post("revoke: no client authentication", T, "/revoke", FORM, "token=x").expect(401).error("invalid_client"));
        cases.add(post("revoke: token missing", T, "/revoke", FORM, "token_type_hint=" + XQ).header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("revoke: token with NUL and invalid UTF-8 (nothing to revoke)", T, "/revoke", FORM, "token=%00%FF").header("Authorization", basicRp).expect(200));
        cases.add(post("revoke: forged access token (nothing to revoke)", T, "/revoke", FORM, "token=" + f.hmacAccessToken).header("Authorization", basicRp).expect(200));
        cases.add(post("revoke: JSON body", T, "/revoke", JSON, "{\"token\":\"x\"}").header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(send("revoke: DELETE", "DELETE", T, "/revoke").expect(405));
        cases.add(post("introspect: public client", T, "/introspect", FORM, "token=x&client_id=conformance-public").expect(401).error("invalid_client"));
        cases.add(post("introspect: token missing", T, "/introspect", FORM, "").header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(post("introspect: alg none access token is inactive", T, "/introspect", FORM, "token=" + f.unsignedAccessToken)
                .header("Authorization", basicRp).expect(200).evidence("\"active\":false"));
        cases.add(post("introspect: HS256 token keyed with the public key is inactive", T, "/introspect", FORM, "token=" + f.hmacAccessToken)
                .header("Authorization", basicRp).expect(200).evidence("\"active\":false"));
        cases.add(post("introspect: token ES256 under the RSA kid is inactive", T, "/introspect", FORM, "token=" + f.wrongTypeAccessToken)
                .header("Authorization", basicRp).expect(200).evidence("\"active\":false"));
        cases.add(post("introspect: expired token is inactive", T, "/introspect", FORM, "token=" + f.expiredAccessToken)
                .header("Authorization", basicRp).expect(200).evidence("\"active\":false"));
        cases.add(post("introspect: token not valid before a future nbf is inactive", T, "/introspect", FORM, "token=" + f.futureNbfAccessToken)
                .header("Authorization", basicRp).expect(200).evidence("\"active\":false"));
        cases.add(post("introspect: control, the same token with sane times is active", T, "/introspect", FORM, "token=" + f.validAccessToken)
                .header("Authorization", basicRp).expect(200).evidence("\"active\":true"));
        cases.add(post("introspect: control, a valid client assertion authenticates", T, "/introspect", FORM, "token=x&client_assertion_type="
                + enc(ASSERTION_TYPE) + "&client_assertion=" + f.clientSigned(f.assertionClaims(f.now + 60, "")))
                .expect(200).evidence("\"active\":false"));
        cases.add(post("introspect: JSON body", T, "/introspect", JSON, "{}").header("Authorization", basicRp).expect(400).error("invalid_request"));
        cases.add(send("introspect: GET", "GET", T, "/introspect?token=x").expect(405));
        cases.add(post("device_authorization: no client authentication", T, "/device_authorization", FORM, "scope=openid").expect(401).error("invalid_client"));
        cases.add(post("device_authorization: client not registered for it", T, "/device_authorization", FORM, "scope=" + XQ).header("Authorization", basicRp)
                .expect(400).error("unauthorized_client"));
        cases.add(post("device_authorization: malformed percent-encoding", T, "/device_authorization", FORM, "scope=%").expect(400).error("invalid_request"));
        cases.add(send("device_authorization: GET", "GET", T, "/device_authorization").expect(405));

        // /userinfo (OIDC Core 5.3.3, RFC 6750 3.1)
        cases.add(get("userinfo: no token", U, "/userinfo").expect(401).challenge("Bearer"));
        cases.add(get("userinfo: alg none", U, "/userinfo").header("Authorization", "Bearer " + f.unsignedAccessToken).expect(401).error("invalid_token").challenge("Bearer"));
        cases.add(get("userinfo: unknown kid", U, "/userinfo").header("Authorization", "Bearer " + f.unknownKidAccessToken).expect(401).error("invalid_token"));
        cases.add(get("userinfo: ES256 under the RSA key's kid", U, "/userinfo").header("Authorization", "Bearer " + f.wrongTypeAccessToken).expect(401).error("invalid_token"));
        cases.add(get("userinfo: RS256 under the EC key's kid", U, "/userinfo").header("Authorization", "Bearer " + f.rsaUnderEcKidAccessToken).expect(401).error("invalid_token"));
        cases.add(get("userinfo: HS256 keyed with the public key (PEM)", U, "/userinfo").header("Authorization", "Bearer " + f.hmacAccessToken).expect(401).error("invalid_token"));
        cases.add(get("userinfo: HS256 keyed with the public key (DER)", U, "/userinfo").header("Authorization", "Bearer " + f.hmacDerAccessToken).expect(401).error("invalid_token"));
        cases.add(get("userinfo: expired", U, "/userinfo").header("Authorization", "Bearer " + f.expiredAccessToken).expect(401).error("invalid_token").evidence("expired"));
        cases.add(get("userinfo: nbf in the future", U, "/userinfo").header("Authorization", "Bearer " + f.futureNbfAccessToken).expect(401).error("invalid_token")
                .evidence("not valid yet"));
        cases.add(get("userinfo: iat in the future", U, "/userinfo").header("Authorization", "Bearer " + f.futureIatAccessToken).expect(401).error("invalid_token")
                .evidence("not valid yet"));
        cases.add(get("userinfo: exp 1e300", U, "/userinfo").header("Authorization", "Bearer " + f.hugeExpAccessToken).expect(401).error("invalid_token"));
        cases.add(get("userinfo: token in the query", U, "/userinfo?access_token=" + f.validAccessToken).expect(400).error("invalid_request"));
        cases.add(post("userinfo: token in header and body", U, "/userinfo", FORM, "access_token=x").header("Authorization", "Bearer y").expect(400).error("invalid_request"));
        cases.add(get("userinfo: two Bearer headers", U, "/userinfo").header("Authorization", "Bearer x").header("Authorization", "Bearer y").expect(400).error("invalid_request"));
        cases.add(get("userinfo: token with spaces and <script>", U, "/userinfo").header("Authorization", "Bearer a b " + X).expect(401).error("invalid_token"));
        cases.add(get("userinfo: token bytes not UTF-8", U, "/userinfo").header("Authorization", "Bearer \u00ff\u00fe").expect(401).error("invalid_token"));
        cases.add(post("userinfo: body token repeated", U, "/userinfo", FORM, "access_token=x&access_token=y").expect(400).error("invalid_request"));
        cases.add(post("userinfo: malformed percent-encoding", U, "/userinfo", FORM, "access_token=%").expect(400).error("invalid_request"));
        cases.add(post("userinfo: JSON body with a forged token", U, "/userinfo", JSON, "{\"access_token\":1}").header("Authorization", "Bearer " + f.unsignedAccessToken)
                .expect(401).error("invalid_token"));
        cases.add(get("userinfo: 100 KB Authorization header", U, "/userinfo").header("Authorization", "Bearer " + "a".repeat(100_000)).expect(431, 400, 401));
        cases.add(send("userinfo: PUT", "PUT", U, "/userinfo").expect(405));
        cases.add(send("userinfo: TRACE", "TRACE", U, "/userinfo").expect(405));

        // discovery-service
        cases.add(send("discovery: POST to the configuration", "POST", D, "/.well-known/openid-configuration").expect(405));
        cases.add(get("discovery: NUL and <script> in an ignored query", D, "/.well-known/openid-configuration?x=%00&y=" + XQ).expect(200));
        cases.add(get("discovery: invalid UTF-8 in the path", D, "/.well-known/openid-configuration/%FF").expect(404));
        cases.add(send("discovery: DELETE the JWKS", "DELETE", D, "/jwks").expect(405));
        cases.add(get("discovery: JWKS asked as XML", D, "/jwks").header("Accept", "application/xml").expect(200, 406));
        cases.add(post("keys: rotate without a token", D, "/admin/keys/rotate", FORM, "alg=RS256").expect(401).challenge("Bearer"));
        cases.add(post("keys: rotate with an alg none token", D, "/admin/keys/rotate", FORM, "alg=RS256").header("Authorization", "Bearer " + f.unsignedAccessToken)
                .expect(401).error("invalid_token"));
        cases.add(post("keys: rotate with an HS256 token keyed with the public key", D, "/admin/keys/rotate", FORM, "revoke_kid=" + f.rsKid)
                .header("Authorization", "Bearer " + f.hmacAccessToken).expect(401).error("invalid_token"));
        cases.add(post("keys: rotate with malformed percent-encoding", D, "/admin/keys/rotate", FORM, "alg=%").expect(400).error("invalid_request"));
        cases.add(send("keys: GET rotate", "GET", D, "/admin/keys/rotate").expect(405));
        cases.add(post("keys: rotate an alg that is <script>", D, "/admin/keys/rotate", FORM, "alg=" + XQ).header("Authorization", admin)
                .expect(400).error("invalid_request"));
        cases.add(post("keys: revoke a kid that does not exist", D, "/admin/keys/rotate", FORM, "revoke_kid=no-such-kid")
                .header("Authorization", admin).expect(400).error("invalid_request"));
        cases.add(post("keys: revoke a kid with NUL", D, "/admin/keys/rotate", FORM, "revoke_kid=%00").header("Authorization", admin)
                .expect(400).error("invalid_request"));
        cases.add(post("keys: both alg and revoke_kid", D, "/admin/keys/rotate", FORM, "alg=RS256&revoke_kid=" + f.rsKid)
                .header("Authorization", admin).expect(400).error("invalid_request"));

        rowsBefore = rows();
        auditBefore = maxAuditId();
        auditSince = databaseNow();
        return cases;
    }

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    static Case assertionCase(String name, String jwt) {
        return post(name, T, "/token", FORM, "grant_type=client_credentials&client_assertion_type=" + enc(ASSERTION_TYPE)
                + "&client_assertion=" + jwt).expect(401).error("invalid_client").challenge("Basic");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The tests
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    @Order(1)
    void answersWithTheSpecifiedErrorAndNothingElse(Case c) throws Exception {
        RawHttp.Reply r = c.send();
        String what = c.name + ": " + r.status() + " " + r.contentType() + " " + abbreviate(r.text()) + " Location=" + r.header("Location");
        assertTrue(r.status() < 500, () -> "never a 5xx: " + what);
        assertTrue(c.statuses.contains(r.status()), () -> "status one of " + c.statuses + ": " + what);
        String body = r.text();
        assertFalse(body.contains("Exception") || body.contains("\tat "), () -> "no stack trace: " + what);
        if (r.contentType().startsWith("text/html")) {
            assertFalse(body.contains(X), () -> "the hostile <script> is not reflected into HTML: " + what);
        }
        String location = r.header("Location");
        assertTrue(location == null || !location.contains("<"), () -> "nothing unescaped in Location: " + what);
        if (r.status() == 401) {
            String challenge = r.header("WWW-Authenticate");
            assertNotNull(challenge, () -> "a 401 carries a challenge (RFC 9110 15.5.2): " + what);
            if (c.challenge != null) {
                assertTrue(challenge.startsWith(c.challenge), () -> "challenge " + c.challenge + ": " + challenge);
            }
        }
        if (c.error != null) {
            Set<String> errors = errorCodes(r);
            assertTrue(errors.contains(c.error), () -> "error " + c.error + ", got " + errors + ": " + what);
        }
        if (c.evidence != null) {
            String all = body + " " + r.all("WWW-Authenticate") + " " + (location == null ? "" : URLDecoder.decode(location, StandardCharsets.UTF_8));
            assertTrue(all.contains(c.evidence), () -> "the answer says " + c.evidence + ": " + what);
        }
    }

    @Test
    @Order(2)
    @DisplayName("bad-input battery: no row of clients, users, sessions, codes, grants, refresh tokens, consents changed; only refusals audited")
    void batteryChangedNoRows() throws Exception {
        assumeTrue(rowsBefore != null, "runs after the catalogue");
        Map<String, String> after = rows();
        for (String table : TABLES) {
            assertEquals(rowsBefore.get(table), after.get(table), table + " changed (count:md5 of rows)");
        }
        Map<String, Integer> audited = new TreeMap<>();
        try (Connection c = SuiteKeys.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select type, count(*) from audit_events where id > " + auditBefore + " and occurred_at >= '"
                     + auditSince.toInstant() + "' group by type")) {
            while (rs.next()) {
                audited.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertTrue(ALLOWED_AUDIT.containsAll(audited.keySet()), "only refusals were audited: " + audited);
        assertEquals(1, audited.getOrDefault("login_failed", 0), "the one wrong password was audited: " + audited);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rows
    // ---------------------------------------------------------------------------------------------------------------

    /** Per table: row count and an MD5 over every row's text, so an update shows as well as an insert or delete. */
    static Map<String, String> rows() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = SuiteKeys.database(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '-') from "
                        + table + " t")) {
                    rs.next();
                    out.put(table, rs.getString(1));
                }
            }
        }
        return out;
    }

    static java.sql.Timestamp databaseNow() throws Exception {
        try (Connection c = SuiteKeys.database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select now()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    static long maxAuditId() throws Exception {
        try (Connection c = SuiteKeys.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from audit_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading answers
    // ---------------------------------------------------------------------------------------------------------------

    private static final Pattern HIDDEN_ERROR = Pattern.compile("name=\"error\" value=\"([^\"]*)\"");
    private static final Pattern CODE_ERROR = Pattern.compile("<code>([a-z_]+)</code>");
    private static final Pattern CHALLENGE_ERROR = Pattern.compile("error=\"([^\"]*)\"");

    /** The error codes an answer carries: JSON body, redirect parameters, form_post inputs, error page, challenge. */
    static Set<String> errorCodes(RawHttp.Reply r) {
        Set<String> codes = new LinkedHashSet<>();
        String body = r.text();
        if (r.contentType().contains("json")) {
            try {
                Object e = JsonPath.from(body).get("error");
                if (e != null) {
                    codes.add(e.toString());
                }
            } catch (RuntimeException ignored) {
                // not JSON after all
            }
        }
        String location = r.header("Location");
        if (location != null) {
            URI uri = URI.create(location);
            for (String part : new String[] {uri.getRawQuery(), uri.getRawFragment()}) {
                if (part != null) {
                    for (String pair : part.split("&")) {
                        if (pair.startsWith("error=")) {
                            codes.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        for (Pattern p : List.of(HIDDEN_ERROR, CODE_ERROR)) {
            Matcher m = p.matcher(body);
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        for (String challenge : r.all("WWW-Authenticate")) {
            Matcher m = CHALLENGE_ERROR.matcher(challenge);
            if (m.find()) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }

    static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(id) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cases
    // ---------------------------------------------------------------------------------------------------------------

    static Case get(String name, String service, String target) {
        return new Case(name, "GET", service, target, null, null);
    }

    static Case post(String name, String service, String target, String contentType, String body) {
        return new Case(name, "POST", service, target, contentType, body);
    }

    static Case send(String name, String method, String service, String target) {
        return new Case(name, method, service, target, null, null);
    }

    /** One row of the catalogue: what is sent, and what the answer must be. Shown in the report by its name. */
    static final class Case {
        final String name;
        final String method;
        final String service;
        final String target;
        final String contentType;
        final String body;
        final List<Map.Entry<String, String>> headers = new ArrayList<>();
        Set<Integer> statuses = Set.of();
        String error;
        String challenge;
        String evidence;
        boolean follow;
        boolean latin1;
        String extraBody;

        Case(String name, String method, String service, String target, String contentType, String body) {
            this.name = name;
            this.method = method;
            this.service = service;
            this.target = target;
            this.contentType = contentType;
            this.body = body;
        }

        /** A body for a case built with {@link #send} (its Content-Type given as a header). */
        Case body(String text) {
            this.extraBody = text;
            return this;
        }

        Case header(String name, String value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        Case expect(Integer... statuses) {
            this.statuses = Set.of(statuses);
            return this;
        }

        /** The error code (RFC 6749 5.2, 4.1.2.1; RFC 6750 3.1; RFC 7591 3.2.2) the answer must carry. */
        Case error(String code) {
            this.error = code;
            return this;
        }

        /** The scheme a 401's WWW-Authenticate must use. */
        Case challenge(String scheme) {
            this.challenge = scheme;
            return this;
        }

        /** Text the answer must contain (body, challenge or decoded Location): the rule that refused it. */
        Case evidence(String text) {
            this.evidence = text;
            return this;
        }

        /** Follows a redirect within the service (to the login page), with the cookies it set. */
        Case follow() {
            this.follow = true;
            return this;
        }

        /** The body's characters are bytes (ISO-8859-1): for invalid UTF-8. */
        Case latin1() {
            this.latin1 = true;
            return this;
        }

        RawHttp.Reply send() throws Exception {
            String base = RunningSuite.url(service);
            List<Map.Entry<String, String>> h = new ArrayList<>(headers);
            byte[] bytes = null;
            String text = body != null ? body : extraBody;
            if (text != null) {
                bytes = text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            }
            if (contentType != null) {
                h.add(Map.entry("Content-Type", contentType));
            }
            RawHttp.Reply r = RawHttp.send(base, method, target, h, bytes);
            if (follow && (r.status() == 302 || r.status() == 303) && r.header("Location") != null) {
                URI next = URI.create(base).resolve(r.header("Location"));
                if (next.toString().startsWith(base)) {
                    List<String> cookies = r.all("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
                    List<Map.Entry<String, String>> nextHeaders = new ArrayList<>(headers.stream()
                            .filter(e -> !e.getKey().equalsIgnoreCase("Cookie")).toList());
                    if (!cookies.isEmpty()) {
                        nextHeaders.add(Map.entry("Cookie", String.join("; ", cookies)));
                    }
                    r = RawHttp.send(base, "GET", next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()),
                            nextHeaders, null);
                }
            }
            return r;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fixtures: keys, tokens, a client with a key of its own, a login page, a device page
    // ---------------------------------------------------------------------------------------------------------------

    static final class Fixtures {
        static final String CLIENT_KID = "bad-input-rsa";

        final long now = Instant.now().getEpochSecond();
        final String issuer = RunningSuite.get().issuer();
        final String tokenUrl = RunningSuite.url(T) + "/token";
        final KeyPair attackerRsa = generate("RSA");
        final KeyPair otherRsa = generate("RSA");
        final KeyPair attackerEc = generate("EC");
        final String rsKid;
        final PublicKey rsPublic;
        final String esKid;
        final SuiteKeys.ActiveKey suiteRs;
        final String jwtClient;
        final String grantId;
        final String loginRequest;
        final String loginCsrf;
        final String loginCookies;
        final String deviceCsrf;
        final String deviceCookies;
        final String unsignedAccessToken;
        final String unknownKidAccessToken;
        final String wrongTypeAccessToken;
        final String rsaUnderEcKidAccessToken;
        final String hmacAccessToken;
        final String hmacDerAccessToken;
        final String expiredAccessToken;
        final String futureNbfAccessToken;
        final String futureIatAccessToken;
        final String hugeExpAccessToken;
        final String validAccessToken;
        final String adminToken;

        Fixtures() throws Exception {
            suiteRs = SuiteKeys.active("RS256");
            rsKid = suiteRs.kid();
            List<Map<String, Object>> keys = given().get(RunningSuite.url(D) + "/jwks").then().statusCode(200).extract().jsonPath().getList("keys");
            rsPublic = Forge.rsaPublicKey(keys.stream().filter(k -> rsKid.equals(k.get("kid"))).findFirst().orElseThrow());
            esKid = (String) keys.stream().filter(k -> "ES256".equals(k.get("alg"))).findFirst().orElseThrow().get("kid");

            // A client authenticating with private_key_jwt and signing request objects with a key of its own.
            jwtClient = given().contentType(ContentType.JSON).body(Map.of("client_name", "Bad input RP",
                            "redirect_uris", List.of(JWT_CLIENT_REDIRECT), "response_types", List.of("code"),
                            "grant_types", List.of("authorization_code"), "token_endpoint_auth_method", "private_key_jwt",
                            "jwks", Map.of("keys", List.of(Forge.rsaJwk((RSAPublicKey) attackerRsa.getPublic(), CLIENT_KID)))))
                    .post(RunningSuite.url(A) + "/register").then().statusCode(201).extract().jsonPath().getString("client_id");

            // A live grant, so that tokens forged with the suite's own key fail only for the reason each case names.
            Response cc = given().contentType(FORM).formParams(Map.of("grant_type", "client_credentials", "client_id", "demo-service",
                    "client_secret", "demo-service-secret-local-only")).post(tokenUrl);
            assertEquals(200, cc.statusCode(), cc::asString);
            String payload = new String(Base64.getUrlDecoder().decode(cc.jsonPath().getString("access_token").split("\\.")[1]), StandardCharsets.UTF_8);
            grantId = JsonPath.from(payload).getString("grant_id");

            Browser browser = new Browser();
            Response toLogin = browser.get(RunningSuite.url(A) + "/authorize?response_type=code&scope=openid&client_id=conformance-basic&state=s&redirect_uri="
                    + enc("http://localhost:9090/cb"));
            Document login = Jsoup.parse(browser.get(URI.create(RunningSuite.url(A)).resolve(toLogin.header("Location")).toString()).asString());
            loginRequest = login.selectFirst("input[name=request]").attr("value");
            loginCsrf = login.selectFirst("input[name=csrf]").attr("value");
            loginCookies = cookieHeader(browser);

            Browser device = new Browser();
            Document entry = Jsoup.parse(device.get(RunningSuite.url(A) + "/device").asString());
            deviceCsrf = enc(entry.selectFirst("input[name=csrf]").attr("value"));
            deviceCookies = cookieHeader(device);

            String times = "\"iat\":" + now + ",\"exp\":" + (now + 300);
            unsignedAccessToken = Forge.unsigned(rsKid, claims(times));
            unknownKidAccessToken = Forge.signed(Forge.header("RS256", "no-such-kid", "at+jwt"), claims(times), "RS256", attackerRsa.getPrivate());
            wrongTypeAccessToken = Forge.signed(Forge.header("ES256", rsKid, "at+jwt"), claims(times), "ES256", attackerEc.getPrivate());
            rsaUnderEcKidAccessToken = Forge.signed(Forge.header("RS256", esKid, "at+jwt"), claims(times), "RS256", attackerRsa.getPrivate());
            hmacAccessToken = Forge.signed(Forge.header("HS256", rsKid, "at+jwt"), claims(times), "HS256", Forge.pem(rsPublic));
            hmacDerAccessToken = Forge.signed(Forge.header("HS256", rsKid, "at+jwt"), claims(times), "HS256", rsPublic.getEncoded());
            expiredAccessToken = suiteSigned("at+jwt", claims("\"iat\":" + (now - 700) + ",\"exp\":" + (now - 60)));
            futureNbfAccessToken = suiteSigned("at+jwt", claims(times + ",\"nbf\":" + (now + 3600)));
            futureIatAccessToken = suiteSigned("at+jwt", claims("\"iat\":" + (now + 3600) + ",\"exp\":" + (now + 7200)));
            hugeExpAccessToken = suiteSigned("at+jwt", claims("\"iat\":" + now + ",\"exp\":1e300"));
            validAccessToken = suiteSigned("at+jwt", claims(times));

            // An operator of the admin API (RFC 9068 token with gatehouse:admin), made as EmergencyRotationIT makes one.
            String operator = "bad-input-operator-" + UUID.randomUUID();
            UUID operatorGrant = UUID.randomUUID();
            try (Connection c = SuiteKeys.database();
                 var client = c.prepareStatement("insert into clients (client_id, scope, grant_types) values (?, 'gatehouse:admin', '{client_credentials}')");
                 var grant = c.prepareStatement("insert into grants (id, client_id, scope) values (?, ?, 'gatehouse:admin')")) {
                client.setString(1, operator);
                client.executeUpdate();
                grant.setObject(1, operatorGrant);
                grant.setString(2, operator);
                grant.executeUpdate();
            }
            adminToken = suiteSigned("at+jwt", "{\"iss\":\"" + issuer + "\",\"sub\":\"" + operator + "\",\"aud\":\"" + issuer + "\",\"client_id\":\""
                    + operator + "\",\"scope\":\"gatehouse:admin\",\"grant_id\":\"" + operatorGrant + "\",\"jti\":\"" + UUID.randomUUID() + "\"," + times + "}");
        }

        /** Access token claims of the live client_credentials grant (RFC 9068 2.2) with the given time members. */
        String claims(String times) {
            return "{\"iss\":\"" + issuer + "\",\"sub\":\"demo-service\",\"aud\":\"" + issuer + "\",\"client_id\":\"demo-service\","
                    + "\"scope\":\"api.read\",\"grant_id\":\"" + grantId + "\",\"jti\":\"" + UUID.randomUUID() + "\"," + times + "}";
        }

        String accessToken(String times) {
            return suiteSigned("at+jwt", claims(times));
        }

        /** Signed with the suite's own active RS256 key, as only Gatehouse could. */
        String suiteSigned(String typ, String payload) {
            return Forge.signed(Forge.header("RS256", rsKid, typ), payload, "RS256", suiteRs.privateKey());
        }

        /** Signed with the registered key of the private_key_jwt client. */
        String clientSigned(String payload) {
            return Forge.signed(Forge.header("RS256", CLIENT_KID, null), payload, "RS256", attackerRsa.getPrivate());
        }

        /** RFC 7523 3 claims of the private_key_jwt client, for the token endpoint, expiring at {@code exp}. */
        String assertionClaims(long exp, String extra) {
            return "{\"iss\":\"" + jwtClient + "\",\"sub\":\"" + jwtClient + "\",\"aud\":\"" + tokenUrl + "\",\"jti\":\"" + UUID.randomUUID()
                    + "\",\"exp\":" + exp + (extra.contains("\"iat\"") ? "" : ",\"iat\":" + now) + extra + "}";
        }

        static String cookieHeader(Browser b) {
            StringBuilder s = new StringBuilder();
            b.cookies().forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            return s.toString();
        }

        static KeyPair generate(String type) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance(type);
                if (type.equals("EC")) {
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                } else {
                    g.initialize(2048);
                }
                return g.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
