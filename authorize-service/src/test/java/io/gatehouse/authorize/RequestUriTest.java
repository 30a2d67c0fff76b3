package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.AuthorizationCodeRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request objects passed by reference (OIDC Core 6.2, RFC 9101 5.2): fetched from a client's web server on 127.0.0.1
 * (the test profile allows http and loopback addresses), verified and merged like a {@code request} value.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RequestUriTest {

    private record Document(int status, String location, byte[] body) {
    }

    private static HttpServer server;
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();
    private static final Map<String, String> ACCEPT = new ConcurrentHashMap<>();

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    AuthorizationCodeRepository codes;
    @Inject
    GatehouseConfig config;
    @Inject
    io.gatehouse.model.repository.ClientRepository clients;

    @BeforeAll
    static void startClientServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            FETCHES.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            ACCEPT.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            Document d = DOCUMENTS.get(path);
            if (d == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                if (d.location() != null) {
                    exchange.getResponseHeaders().add("Location", d.location());
                }
                exchange.getResponseHeaders().add("Content-Type", "application/oauth-authz-req+jwt");
                exchange.sendResponseHeaders(d.status(), d.body().length == 0 ? -1 : d.body().length);
                exchange.getResponseBody().write(d.body());
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopClientServer() {
        server.stop(0);
    }

    private static String publish(String body) {
        return publish(200, null, body);
    }

    private static String publish(int status, String location, String body) {
        String path = "/request/" + UUID.randomUUID() + ".jwt";
        DOCUMENTS.put(path, new Document(status, location, body.getBytes(StandardCharsets.UTF_8)));
        return url(path);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static int fetches(String url) {
        AtomicInteger n = FETCHES.get(java.net.URI.create(url).getPath());
        return n == null ? 0 : n.get();
    }

    private static Map<String, String> objectClaims(ClientEntity client, String state) {
        Map<String, String> claims = new java.util.LinkedHashMap<>(Flows.request(client, "code", "openid"));
        claims.put("state", state);
        return claims;
    }

    private SignedJWT signed(RSAKey key, ClientEntity client, String nonce, String state) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("oauth-authz-req+jwt")).build(),
                new JWTClaimsSet.Builder().issuer(client.clientId).audience(config.issuer()).claim("client_id", client.clientId)
                        .claim("response_type", "code").claim("scope", "openid").claim("nonce", nonce)
                        .claim("redirect_uri", "https://rp.example/cb").claim("state", state)
                        .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    /**
     * What the client sends: the OAuth 2.0 parameters beside the request_uri (OIDC Core 6.2). A client that registered
     * no request_uris gets this one registered first (issue 16.5: only registered ones are fetched).
     */
    private Map<String, String> query(ClientEntity client, String requestUri) {
        if (!(client.metadata.get("request_uris") instanceof List<?>)) {
            client.metadata.put("request_uris", new ArrayList<>(List.of(requestUri)));
            QuarkusTransaction.requiringNew().run(() -> clients.findById(client.clientId).metadata = new java.util.HashMap<>(client.metadata));
        }
        Map<String, String> query = Flows.request(client, "code", "openid");
        query.put("request_uri", requestUri);
        return query;
    }

    @Test
    void unsignedRequestObjectByReferenceCompletesACodeFlow() {
        UserEntity user = fixtures.user();
        String path = "/request/" + UUID.randomUUID() + ".jwt";
        // Registered with a fragment (a content hash, OIDC Registration 2): compared without it.
        ClientEntity client = fixtures.client(c -> {
            c.firstParty = true;
            c.metadata.put("request_uris", new ArrayList<>(List.of(url(path) + "#hash-of-the-content")));
            c.metadata.put("request_object_signing_alg", "none");
        });
        Map<String, String> inObject = objectClaims(client, "by-reference");
        inObject.put("scope", "openid profile");
        DOCUMENTS.put(path, new Document(200, null, RequestObjectTest.unsigned(inObject).getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> p = TestBrowser.callback(Flows.run(new TestBrowser(), query(client, url(path)), user));
        assertNotNull(p.get("code"), p.toString());
        assertEquals("by-reference", p.get("state"));
        var row = QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(p.get("code"))));
        assertEquals(inObject.get("nonce"), row.nonce);
        assertEquals("openid profile", row.scope, "the request object's scope wins (OIDC Core 6.3.3)");
        assertTrue(fetches(url(path)) >= 1, "the request object was fetched");
        assertTrue(ACCEPT.get(path).contains("application/oauth-authz-req+jwt"), ACCEPT.get(path));
    }

    @Test
    void signedRequestObjectByReferenceCompletesACodeFlow() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key").keyUse(KeyUse.SIGNATURE).generate();
        ClientEntity client = fixtures.client(c -> {
            c.firstParty = true;
            c.metadata.put("jwks", Map.of("keys", List.of(key.toPublicJWK().toJSONObject())));
            c.metadata.put("request_object_signing_alg", "RS256");
        });
        String nonce = "signed-" + UUID.randomUUID();
        String uri = publish(signed(key, client, nonce, "s-signed").serialize());
        Map<String, String> p = TestBrowser.callback(Flows.run(new TestBrowser(), query(client, uri), fixtures.user()));
        assertEquals("s-signed", p.get("state"));
        assertEquals(nonce, QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(p.get("code"))).nonce));
        assertEquals(1, fetches(uri), "fetched once: nothing cached, nothing fetched twice");
    }

    @Test
    void signedRequestObjectVerifiesWithAKeyFromTheClientsJwksUri() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("uri-key-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
        String jwksPath = "/jwks/" + UUID.randomUUID() + ".json";
        DOCUMENTS.put(jwksPath, new Document(200, null, new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8)));
        ClientEntity client = fixtures.client(c -> {
            c.firstParty = true;
            c.metadata.put("jwks_uri", url(jwksPath));
        });
        String nonce = "jwks-uri-" + UUID.randomUUID();
        String uri = publish(signed(key, client, nonce, "s-jwks-uri").serialize());
        Map<String, String> p = TestBrowser.callback(Flows.run(new TestBrowser(), query(client, uri), fixtures.user()));
        assertEquals("s-jwks-uri", p.get("state"));
        assertNotNull(p.get("code"), p.toString());
        assertTrue(fetches(url(jwksPath)) >= 1, "the key came from the client's jwks_uri");
    }

    @Test
    void requestObjectByReferenceWithABadSignatureIsInvalidRequestObject() throws Exception {
        RSAKey registered = new RSAKeyGenerator(2048).keyID("k").generate();
        RSAKey other = new RSAKeyGenerator(2048).keyID("k").generate();
        ClientEntity client = fixtures.client(c -> c.metadata.put("jwks", Map.of("keys", List.of(registered.toPublicJWK().toJSONObject()))));
        Map<String, String> query = query(client, publish(signed(other, client, "n", "s").serialize()));
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query));
        assertEquals("invalid_request_object", p.get("error"));
        assertEquals(query.get("state"), p.get("state"));
    }

    @Test
    void unreachableRequestUriIsInvalidRequestUriWithState() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> query = query(fixtures.client(), "http://127.0.0.1:" + closedPort + "/request/gone.jwt");
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query));
        assertEquals("invalid_request_uri", p.get("error"));
        assertEquals(query.get("state"), p.get("state"), "the error carries the state (OIDC Core 3.1.2.6)");
        assertNull(p.get("code"));
    }

    @Test
    void requestUriAnsweringAnErrorStatusIsInvalidRequestUri() {
        Map<String, String> query = query(fixtures.client(), url("/request/never-published.jwt"));
        assertEquals("invalid_request_uri", TestBrowser.callback(new TestBrowser().authorize(query)).get("error"));
    }

    @Test
    void oversizeDocumentIsInvalidRequestUri() {
        ClientEntity client = fixtures.client();
        String huge = RequestObjectTest.unsigned(Map.of("client_id", client.clientId, "scope", "openid", "padding", "x".repeat(70 * 1024)));
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query(client, publish(huge))));
        assertEquals("invalid_request_uri", p.get("error"));
    }

    @Test
    void documentThatIsNoJwtIsInvalidRequestUri() {
        ClientEntity client = fixtures.client();
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query(client, publish("<html>hello</html>"))));
        assertEquals("invalid_request_uri", p.get("error"));
    }

    @Test
    void requestUriNotAmongTheRegisteredOnesIsInvalidRequestUriAndNotFetched() {
        ClientEntity client = fixtures.client(c -> c.metadata.put("request_uris", new ArrayList<>(List.of(url("/request/registered.jwt")))));
        String uri = publish(RequestObjectTest.unsigned(Map.of("client_id", client.clientId, "scope", "openid")));
        Map<String, String> query = query(client, uri);
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query));
        assertEquals("invalid_request_uri", p.get("error"));
        assertEquals(query.get("state"), p.get("state"));
        assertEquals(0, fetches(uri), "an unregistered request_uri is never fetched");
    }

    @Test
    void clientThatRegisteredNoRequestUrisGetsRequestUriNotSupportedAndNothingIsFetched() {
        ClientEntity client = fixtures.client();
        String uri = publish(RequestObjectTest.unsigned(Map.of("client_id", client.clientId, "scope", "openid")));
        Map<String, String> query = Flows.request(client, "code", "openid");
        query.put("request_uri", uri);
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query));
        assertEquals("request_uri_not_supported", p.get("error"), p.toString()); // OIDC Core 6.4
        assertEquals(query.get("state"), p.get("state"));
        assertEquals(0, fetches(uri), "an unauthenticated request cannot make the OP fetch an unregistered URL");
    }

    @Test
    void requestAndRequestUriTogetherAreInvalidRequest() {
        ClientEntity client = fixtures.client();
        String uri = publish(RequestObjectTest.unsigned(Map.of("client_id", client.clientId, "scope", "openid")));
        Map<String, String> query = query(client, uri);
        query.put("request", RequestObjectTest.unsigned(Map.of("scope", "openid")));
        assertEquals("invalid_request", TestBrowser.callback(new TestBrowser().authorize(query)).get("error"));
        assertEquals(0, fetches(uri));
    }

    @Test
    void redirectFromTheDocumentServerIsNotFollowed() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        String target = publish(RequestObjectTest.unsigned(objectClaims(client, "via-redirect")));
        String moved = publish(302, target, "");
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query(client, moved)));
        assertEquals("invalid_request_uri", p.get("error"));
        assertEquals(1, fetches(moved));
        assertEquals(0, fetches(target), "the redirect was not followed");
    }

    @Test
    void requestUriWithAnUnregisteredClientGetsTheErrorPage() {
        ClientEntity client = fixtures.client();
        Map<String, String> query = query(client, publish(RequestObjectTest.unsigned(Map.of("scope", "openid"))));
        query.put("redirect_uri", "https://evil.example/cb");
        var r = new TestBrowser().authorize(query);
        assertEquals(400, r.statusCode(), "no redirect to an unregistered redirect_uri (OIDC Core 3.1.2.6)");
    }
}
