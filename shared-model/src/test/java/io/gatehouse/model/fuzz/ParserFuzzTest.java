package io.gatehouse.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.authorization.AuthorizationChecks;
import io.gatehouse.model.authorization.AuthorizationRequest;
import io.gatehouse.model.authorization.AuthorizationResponse;
import io.gatehouse.model.authorization.ClientCheck;
import io.gatehouse.model.authorization.FormPostPage;
import io.gatehouse.model.authorization.PushedAuthorizationRequest;
import io.gatehouse.model.authorization.RedirectUriCheck;
import io.gatehouse.model.authorization.RequestObject;
import io.gatehouse.model.authorization.RequestParameters;
import io.gatehouse.model.authorization.ResponseMode;
import io.gatehouse.model.authorization.UntrustedRedirectException;
import io.gatehouse.model.bearer.BearerChallenge;
import io.gatehouse.model.bearer.BearerTokenExtraction;
import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.client.BasicCredentials;
import io.gatehouse.model.client.ClientAssertion;
import io.gatehouse.model.client.ClientCredentials;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.Jws;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.jose.NumericDate;
import io.gatehouse.model.request.FormParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Property tests over the request parsers and checks, with thousands of generated hostile inputs each
 * ({@link FuzzInput}): every parser either answers or throws the one error type it documents (OAuthException,
 * UntrustedRedirectException, InvalidJwsException, BearerChallenge), never anything else; parsing is idempotent and
 * round-trips where a round trip exists; what is rendered stays well-formed. Seeded: {@code -Dfuzz.seed=N} replays a
 * run, and a failure names the seed and the input. The timeout only guards against a hang; inputs are bounded.
 */
@Timeout(120)
class ParserFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_123L);
    static final int RUNS = Integer.getInteger("fuzz.runs", 3000);
    static final String ISSUER = "https://op.example";

    /** Runs {@code property} on {@code runs} inputs of one generator seeded from the run's seed and the property. */
    static void forAll(String property, int runs, Consumer<FuzzInput> body) {
        long seed = SEED ^ property.hashCode();
        FuzzInput in = new FuzzInput(seed);
        for (int i = 0; i < runs; i++) {
            try {
                body.accept(in);
            } catch (Throwable t) {
                throw new AssertionError(property + " failed at run " + i + " (fuzz.seed=" + SEED + ", generator seed " + seed
                        + "): " + t, t);
            }
        }
    }

    /** Calls {@code call}; an exception of type {@code allowed} is a documented refusal, anything else fails the property. */
    static <E extends Throwable> E refusesOnlyWith(Class<E> allowed, Object input, ThrowingRunnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            if (allowed.isInstance(t)) {
                return allowed.cast(t);
            }
            throw new AssertionError("undocumented " + t.getClass().getName() + " for input " + show(input), t);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static String show(Object input) {
        String s = String.valueOf(input);
        StringBuilder b = new StringBuilder();
        for (char c : (s.length() > 400 ? s.substring(0, 400) + "..." : s).toCharArray()) {
            b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    static ClientEntity client() {
        ClientEntity c = new ClientEntity();
        c.clientId = "rp";
        c.enabled = true;
        c.redirectUris = new ArrayList<>(List.of("https://rp.example/cb", "https://rp.example/cb?x=1"));
        c.responseTypes = new ArrayList<>(List.of("code", "id_token", "code id_token token"));
        c.scope = "openid profile email offline_access";
        c.tokenEndpointAuthMethod = "client_secret_basic";
        c.metadata = new HashMap<>();
        return c;
    }

    static void validErrorCode(OAuthError e) {
        assertNotNull(e.code());
        assertTrue(e.code().matches("[a-z_]+"), e.code());
        assertTrue(e.status() >= 400 && e.status() < 500, "a client error: " + e);
    }

    // --- authorization requests ---------------------------------------------------------------------------------

    @Test
    void requestParametersNeverFailAndKeepEachNameOnce() {
        forAll("RequestParameters.of", RUNS, in -> {
            Map<String, List<String>> sent = in.random().nextBoolean() ? in.parameters() : in.mutatedAuthorizationRequest();
            RequestParameters p = RequestParameters.of(sent);
            for (String name : p.duplicated()) {
                assertFalse(p.values().containsKey(name), "a repeated name has no value");
            }
            p.values().values().forEach(v -> assertFalse(v.isEmpty(), "empty means omitted"));
            // Idempotent: the single values, sent again, are the same request.
            Map<String, List<String>> again = new LinkedHashMap<>();
            p.values().forEach((k, v) -> again.put(k, List.of(v)));
            assertEquals(p.values(), RequestParameters.of(again).values());
            p.oversized();
            p.overlay(in.single());
        });
    }

    @Test
    void authorizationRequestParsesEveryInputAndItsAccessorsNeverFail() {
        forAll("AuthorizationRequest.parse", RUNS, in -> {
            RequestParameters p = RequestParameters.of(in.random().nextBoolean() ? in.parameters() : in.mutatedAuthorizationRequest());
            AuthorizationRequest r = AuthorizationRequest.parse(p);
            r.responseType();
            r.requestedResponseMode();
            assertNotNull(r.responseMode());
            r.isOpenId();
            r.prompts();
            r.maxAge().ifPresent(v -> assertTrue(v >= 0));
            r.scopes().forEach(s -> assertFalse(s.contains(" "), "scope tokens are single words"));
            OAuthException e = refusesOnlyWith(OAuthException.class, p, r::claims);
            if (e != null) {
                assertEquals("invalid_request", e.error().code());
            }
            assertEquals(r, AuthorizationRequest.parse(p), "parsing is a function of the parameters");
        });
    }

    @Test
    void clientAndRedirectChecksRefuseOnlyWithAnErrorPage() {
        ClientEntity client = client();
        forAll("ClientCheck+RedirectUriCheck", RUNS, in -> {
            RequestParameters p = RequestParameters.of(in.random().nextBoolean() ? in.parameters() : in.mutatedAuthorizationRequest());
            ClientEntity found = "rp".equals(p.get("client_id")) ? client : null;
            refusesOnlyWith(UntrustedRedirectException.class, p, () -> ClientCheck.require(p, found));
            UntrustedRedirectException refused = refusesOnlyWith(UntrustedRedirectException.class, p, () -> {
                String uri = RedirectUriCheck.resolve(p, client);
                assertTrue(client.redirectUris.contains(uri), "only a registered redirect_uri, exactly: " + uri);
            });
            if (refused != null) {
                validErrorCode(refused.error());
            }
        });
    }

    @Test
    void authorizationChecksRefuseOnlyWithAnOAuthError() {
        ClientEntity client = client();
        AuthorizationChecks strict = new AuthorizationChecks(false);
        AuthorizationChecks lenient = new AuthorizationChecks(true);
        forAll("AuthorizationChecks.verify", RUNS, in -> {
            RequestParameters p = RequestParameters.of(in.mutatedAuthorizationRequest());
            AuthorizationRequest r = AuthorizationRequest.parse(p);
            OAuthException e = refusesOnlyWith(OAuthException.class, p, () -> (in.random().nextBoolean() ? strict : lenient).verify(r, client));
            if (e != null) {
                validErrorCode(e.error());
            }
        });
    }

    @Test
    void errorResponsesAreWellFormedUrlsAndEscapedPages() {
        forAll("AuthorizationResponse", RUNS, in -> {
            String redirect = in.pick(List.of("https://rp.example/cb", "https://rp.example/cb?x=1", "https://rp.example/cb?",
                    "http://localhost:9090/callback"));
            ResponseMode mode = in.pick(List.of(ResponseMode.values()));
            AuthorizationResponse r = AuthorizationResponse.error(redirect, mode, new OAuthError(in.pick(List.of("invalid_request",
                    "login_required")), in.string(200), 400), in.random().nextBoolean() ? in.value() : null, ISSUER);
            String description = r.parameters().get("error_description");
            assertTrue(description.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\'),
                    "RFC 6749 4.1.2.1: error_description characters");
            if (mode == ResponseMode.FORM_POST) {
                String page = FormPostPage.render(r, "n0nce");
                assertEquals(1, page.split("<script", -1).length - 1, "only the page's own script: " + show(page));
                assertEquals(r.parameters().size(), page.split("<input", -1).length - 1, "no element injected: " + show(page));
            } else {
                String location = r.location();
                assertTrue(location.startsWith(redirect), location);
                assertEquals(location, URI.create(location).toString(), "a valid URI, every value percent-encoded");
            }
        });
    }

    @Test
    void requestObjectsRefuseOnlyWithAnOAuthError() {
        ClientEntity plain = client();
        ClientEntity signing = client();
        KeyPair key = JwsAlgorithm.RS256.generateKeyPair();
        signing.metadata.put("jwks", Map.of("keys", List.of(Jwk.publicJwk(key.getPublic(), "k1", JwsAlgorithm.RS256))));
        forAll("RequestObject.parameters", RUNS, in -> {
            String jwt = switch (in.random().nextInt(3)) {
                case 0 -> in.jws();
                case 1 -> in.value();
                default -> Jws.sign(claimsMap(in), JwsAlgorithm.RS256, in.random().nextBoolean() ? "k1" : in.value(), null, key.getPrivate());
            };
            ClientEntity c = in.random().nextBoolean() ? plain : signing;
            OAuthException e = refusesOnlyWith(OAuthException.class, jwt, () -> RequestObject.parameters(jwt, c, ISSUER));
            if (e != null) {
                validErrorCode(e.error());
            }
        });
    }

    @Test
    void pushedRequestsRefuseOnlyWithAnOAuthError() {
        forAll("PushedAuthorizationRequest.parameters", RUNS, in -> {
            Map<String, String> form = in.single();
            OAuthException e = refusesOnlyWith(OAuthException.class, form, () -> {
                RequestParameters p = PushedAuthorizationRequest.parameters(form, "rp");
                assertEquals("rp", p.get("client_id"), "always the authenticated client");
                assertFalse(p.values().containsKey("client_secret") || p.values().containsKey("client_assertion"));
            });
            if (e != null) {
                assertEquals("invalid_request", e.error().code());
            }
        });
    }

    // --- claims, JWS, numeric dates -------------------------------------------------------------------------------

    @Test
    void claimsRequestsRefuseOnlyWithInvalidRequestAndRoundTrip() {
        forAll("ClaimsRequest.parse", RUNS, in -> {
            String text = in.claimsParameter();
            ClaimsRequest[] parsed = new ClaimsRequest[1];
            OAuthException e = refusesOnlyWith(OAuthException.class, text, () -> parsed[0] = ClaimsRequest.parse(text));
            if (e != null) {
                assertEquals("invalid_request", e.error().code());
                return;
            }
            ClaimsRequest c = parsed[0];
            c.requestedIdTokenSubject();
            String stored = Json.writeString(c.toJson());
            ClaimsRequest back = ClaimsRequest.fromJson(Json.readObject(stored));
            String reread = Json.writeString(back.toJson());
            assertTrue(stored.equals(reread), () -> "stored with the grant and read back unchanged: " + show(text) + " stored "
                    + show(stored) + " read back " + show(reread));
            assertEquals(back, ClaimsRequest.parse(stored), () -> "parsing its own JSON is idempotent: " + show(stored));
        });
    }

    @Test
    void jwsParsingRefusesOnlyWithInvalidJws() {
        forAll("Jws.parse", RUNS * 2, in -> {
            String compact = in.random().nextInt(5) == 0 ? in.value() : in.jws();
            refusesOnlyWith(InvalidJwsException.class, compact, () -> {
                Jws.Parsed p = Jws.parse(compact);
                assertNotNull(p.alg(), "only a supported algorithm parses");
                p.kid();
                p.typ();
                p.claims();
            });
            refusesOnlyWith(InvalidJwsException.class, compact, () -> {
                Jws.HmacParsed p = Jws.parseHs256(compact);
                assertFalse(p.verify(new byte[16]), "never with a short key");
                p.claims();
            });
        });
    }

    @Test
    void signedTokensRoundTrip() {
        KeyPair rsa = JwsAlgorithm.RS256.generateKeyPair();
        KeyPair ec = JwsAlgorithm.ES256.generateKeyPair();
        forAll("Jws.sign+parse", 300, in -> {
            boolean useEc = in.random().nextBoolean();
            JwsAlgorithm alg = useEc ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256;
            Map<String, Object> claims = claimsMap(in);
            String compact = Jws.sign(claims, alg, "kid-" + in.random().nextInt(100), "at+jwt", (useEc ? ec : rsa).getPrivate());
            Jws.Parsed p;
            try {
                p = Jws.parse(compact);
            } catch (InvalidJwsException e) {
                throw new AssertionError(e);
            }
            assertTrue(p.verify((useEc ? ec : rsa).getPublic()));
            assertFalse(p.verify((useEc ? rsa : ec).getPublic()), "never with a key of another type");
            assertEquals(Json.writeString(claims), Json.writeString(p.claims()));
        });
    }

    static Map<String, Object> claimsMap(FuzzInput in) {
        Map<String, Object> claims = new LinkedHashMap<>();
        int n = in.random().nextInt(6);
        for (int i = 0; i < n; i++) {
            Object v = switch (in.random().nextInt(5)) {
                case 0 -> in.wellFormed(40);
                case 1 -> in.pick(List.of(1e300, -1e300, 1.5, 0, Long.MAX_VALUE, Instant.now().getEpochSecond()));
                case 2 -> new BigInteger("99999999999999999999999");
                case 3 -> List.of(in.wellFormed(5), in.wellFormed(5));
                default -> in.random().nextBoolean();
            };
            claims.put(in.pick(List.of("exp", "nbf", "iat", "aud", "iss", "sub", "scope", "client_id", "nonce", "claims", "jti")), v);
        }
        return claims;
    }

    @Test
    void numericDatesNeverFailAndLeaveRoomForAClockSkew() {
        forAll("NumericDate.toInstant", RUNS, in -> {
            Object v = switch (in.random().nextInt(6)) {
                case 0 -> in.random().nextLong();
                case 1 -> in.random().nextDouble() * Math.pow(10, in.random().nextInt(320)) * (in.random().nextBoolean() ? 1 : -1);
                case 2 -> new BigInteger(in.random().nextInt(200) + 1, in.random()).negate();
                case 3 -> new BigDecimal(new BigInteger(in.random().nextInt(200) + 1, in.random()), in.random().nextInt(40) - 20);
                case 4 -> in.random().nextInt();
                default -> in.value();
            };
            Instant t = NumericDate.toInstant(v);
            if (t != null) {
                t.plus(ClientAssertion.CLOCK_SKEW).plusSeconds(86_400).minusSeconds(86_400 * 2);
            }
        });
    }

    @Test
    void clientAssertionClaimsRefuseOnlyWithInvalidClient() {
        Set<String> audiences = Set.of(ISSUER, ISSUER + "/token");
        forAll("ClientAssertion.validate", RUNS, in -> {
            Map<String, Object> claims = claimsMap(in);
            if (in.random().nextBoolean()) {
                claims.put("iss", "rp");
                claims.put("sub", "rp");
                claims.put("aud", ISSUER);
            }
            OAuthException e = refusesOnlyWith(OAuthException.class, claims,
                    () -> ClientAssertion.validate(claims, "rp", audiences, Instant.now()));
            if (e != null) {
                assertEquals("invalid_client", e.error().code());
            }
        });
    }

    // --- token endpoint side: forms, client credentials, bearer tokens --------------------------------------------

    @Test
    void formParametersRefuseOnlyRepetitionAndAreIdempotent() {
        forAll("FormParameters.single", RUNS, in -> {
            Map<String, List<String>> form = in.parameters();
            Map<String, String>[] single = new Map[1];
            OAuthException e = refusesOnlyWith(OAuthException.class, form, () -> single[0] = FormParameters.single(form));
            if (e != null) {
                assertEquals("invalid_request", e.error().code());
                assertTrue(e.error().description().chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "printable description");
                return;
            }
            Map<String, List<String>> again = new LinkedHashMap<>();
            single[0].forEach((k, v) -> again.put(k, List.of(v)));
            assertEquals(single[0], FormParameters.single(again));
        });
    }

    @Test
    void basicCredentialsRefuseOnlyWithInvalidClientAndRoundTrip() {
        forAll("BasicCredentials.parse", RUNS, in -> {
            String header = switch (in.random().nextInt(3)) {
                case 0 -> in.value();
                case 1 -> "Basic " + in.string(80);
                default -> "Basic " + Base64.getEncoder().encodeToString(in.string(60).getBytes(StandardCharsets.UTF_8));
            };
            OAuthException e = refusesOnlyWith(OAuthException.class, header, () -> BasicCredentials.parse(header));
            if (e != null) {
                assertEquals("invalid_client", e.error().code());
            }
            String id = "c" + in.wellFormed(30);
            String secret = in.wellFormed(60);
            String encoded = Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            assertEquals(new BasicCredentials(id, secret), BasicCredentials.parse(in.pick(List.of("Basic ", "basic ", "BASIC ")) + encoded),
                    "RFC 6749 2.3.1: form-encoded id and secret come back unchanged");
        });
    }

    @Test
    void clientCredentialsRefuseOnlyWithAnOAuthError() {
        forAll("ClientCredentials.parse", RUNS, in -> {
            List<String> authorization = new ArrayList<>();
            int headers = in.random().nextInt(3);
            for (int i = 0; i < headers; i++) {
                authorization.add(in.random().nextBoolean() ? "Basic " + in.string(40) : in.value());
            }
            Map<String, String> form = in.single();
            if (in.random().nextBoolean()) {
                form.put("client_assertion_type", ClientCredentials.JWT_BEARER);
                form.put("client_assertion", in.jws());
            }
            OAuthException e = refusesOnlyWith(OAuthException.class, form, () -> {
                ClientCredentials c = ClientCredentials.parse(authorization, form);
                assertNotNull(c.clientId());
                assertNotNull(c.kind());
            });
            if (e != null) {
                assertTrue(Set.of("invalid_client", "invalid_request").contains(e.error().code()), e.error().toString());
            }
        });
    }

    @Test
    void bearerExtractionRefusesOnlyWithAChallenge() {
        forAll("BearerTokenExtraction.extract", RUNS, in -> {
            List<String> header = new ArrayList<>();
            for (int i = in.random().nextInt(3); i > 0; i--) {
                header.add(in.random().nextBoolean() ? "Bearer " + in.value() : in.value());
            }
            List<String> form = in.random().nextInt(3) == 0 ? List.of(in.value()) : List.of();
            List<String> query = in.random().nextInt(6) == 0 ? List.of(in.value()) : null;
            BearerChallenge c = refusesOnlyWith(BearerChallenge.class, header, () -> {
                String token = BearerTokenExtraction.extract(header, form, query);
                assertTrue(token.matches("[A-Za-z0-9\\-._~+/]+=*"), "RFC 6750 2.1 b64token: " + show(token));
            });
            if (c != null) {
                assertTrue(c.wwwAuthenticate().chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e), "a printable challenge");
            }
        });
    }
}
