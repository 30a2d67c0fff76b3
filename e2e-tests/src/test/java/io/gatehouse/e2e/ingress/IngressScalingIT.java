package io.gatehouse.e2e.ingress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.gatehouse.launcher.Database;
import io.gatehouse.launcher.LocalIngress;
import io.gatehouse.launcher.ScaledSuite;
import io.gatehouse.launcher.Suite;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.discovery.Service;
import io.gatehouse.testsupport.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Independent scaling on one machine: the migration run once, two replicas of each of the four services on one
 * database behind a local nginx routed from the same table as the Kubernetes Ingress, the nginx URL as issuer.
 * The harness checks routing and round robin; the flow test (which runs as soon as the registry marks the
 * authorization and token endpoints implemented) drives complete authorization code flows whose steps land on
 * different replicas, with an RS256 key rotation in the middle, and requires that no request fails.
 * Runs only where nginx is installed ({@link LocalIngress#INSTALL_HINT}).
 */
class IngressScalingIT {

    private static final int REPLICAS = 2;
    private static final String REDIRECT_URI = "http://localhost:9090/callback";

    private static ScaledSuite suite;
    private static Database database;
    private static String keyEncryptionKey;
    private static final UpstreamRecorder RECORDER = new UpstreamRecorder();

    @BeforeAll
    static void startTwoReplicasOfEachServiceBehindNginx() {
        assumeTrue(LocalIngress.findNginx().isPresent(), LocalIngress.INSTALL_HINT);
        Path root = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();
        database = freshDatabase(TestDatabase.get(), "gatehouse_ingress");
        keyEncryptionKey = randomKey();
        Map<String, List<Integer>> ports = ScaledSuite.ports(REPLICAS, IngressScalingIT::freePort);
        suite = ScaledSuite.start(new ScaledSuite.Options(root, database, ports, freePort(),
                root.resolve("e2e-tests/target/ingress"), root.resolve("e2e-tests/src/test/resources/e2e-bootstrap.yaml"),
                Map.of("GATEHOUSE_JAVA_OPTS", "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                        "GATEHOUSE_KEYS_ENCRYPTION_KEY", keyEncryptionKey,
                        // Replicas see a rotated key within two seconds instead of thirty.
                        "GATEHOUSE_KEYS_CACHE_REFRESH", "2s"),
                LocalIngress.findNginx().get()));
        suite.awaitReady(Duration.ofSeconds(240));
        RestAssured.filters(RECORDER);
    }

    @AfterAll
    static void stop() {
        RestAssured.replaceFiltersWith(List.of());
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyReplicaIsReadyOnItsOwn() {
        for (Service s : Service.values()) {
            List<Suite.Service> replicas = suite.replicas(s.moduleName());
            assertEquals(REPLICAS, replicas.size());
            for (Suite.Service replica : replicas) {
                given().get(replica.baseUrl() + "/q/health/ready").then().statusCode(200);
            }
        }
    }

    @Test
    void discoveryIsServedThroughTheIngressWithEveryEndpointUnderTheIssuer() {
        Response r = given().get(suite.issuer() + "/.well-known/openid-configuration");
        assertEquals(200, r.statusCode());
        assertTrue(replicaPorts(Service.DISCOVERY).contains(upstreamPort(r)), r.header(LocalIngress.UPSTREAM_HEADER));
        JsonPath doc = r.jsonPath();
        assertEquals(suite.issuer(), doc.getString("issuer"));
        for (Endpoint e : Endpoint.values()) {
            e.metadataMember().ifPresent(member -> {
                String url = doc.getString(member);
                if (url != null) {
                    assertEquals(suite.issuer() + e.path(), url, member + " must be the ingress host");
                }
            });
        }
    }

    @Test
    void jwksIsServedThroughTheIngressAsEachReplicaServesIt() {
        Response viaIngress = given().get(suite.issuer() + "/jwks");
        assertTrue(replicaPorts(Service.DISCOVERY).contains(upstreamPort(viaIngress)));
        Response direct = given().get(suite.replicas("discovery-service").get(0).baseUrl() + "/jwks");
        assertEquals(direct.statusCode(), viaIngress.statusCode(), "the ingress changes what /jwks answers");
        assumeTrue(direct.statusCode() == 200, "discovery-service does not serve /jwks yet");
        Set<String> kids = new TreeSet<>(viaIngress.jsonPath().getList("keys.kid", String.class));
        assertFalse(kids.isEmpty());
        for (Suite.Service replica : suite.replicas("discovery-service")) {
            assertEquals(kids, new TreeSet<>(given().get(replica.baseUrl() + "/jwks").jsonPath().getList("keys.kid", String.class)),
                    "replicas publish one key set from the one database");
        }
    }

    @Test
    void everyRegistryPathAndItsSubPathsReachAReplicaOfTheOwner() {
        for (Endpoint e : Endpoint.values()) {
            Set<Integer> owners = replicaPorts(e.owner());
            for (String path : List.of(e.path(), e.path() + "/sub-path")) {
                Response r = given().redirects().follow(false).get(suite.issuer() + path);
                assertTrue(owners.contains(upstreamPort(r)), e + " " + path + " went to " + r.header(LocalIngress.UPSTREAM_HEADER)
                        + ", not to a replica of " + e.owner().moduleName());
            }
        }
    }

    @Test
    void pathsOutsideTheRegistryAreNotExposed() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/", "/authorizeX", "/.well-known/other")) {
            Response r = given().redirects().follow(false).get(suite.issuer() + path);
            assertEquals(404, r.statusCode(), path);
            assertNull(r.header(LocalIngress.UPSTREAM_HEADER), path + " reached a service");
        }
    }

    @Test
    void roundRobinReachesBothReplicasOfEveryService() {
        for (Service s : Service.values()) {
            Endpoint first = List.of(Endpoint.values()).stream().filter(e -> e.owner() == s).findFirst().orElseThrow();
            Set<Integer> reached = new HashSet<>();
            for (int i = 0; i < 2 * REPLICAS; i++) {
                reached.add(upstreamPort(given().redirects().follow(false).get(suite.issuer() + first.path())));
            }
            assertEquals(replicaPorts(s), reached, s.moduleName() + " via " + first.path());
        }
    }

    /**
     * Complete authorization code flows through the ingress. nginx (one worker) alternates strictly between the two
     * replicas of a service; every other flow sends one extra (failing) token request first, so that, whatever the
     * number of requests a flow makes at the authorization endpoint, codes issued by one authorize replica are
     * redeemed at both token replicas. Each access token is presented twice to userinfo (both replicas). After a
     * third of the flows the RS256 key is rotated; the flows go on until ID tokens carry the new key, and an access
     * token signed with the old key must still be accepted.
     */
    @Test
    void completeFlowsLandOnDifferentReplicasAndSurviveAKeyRotation() throws Exception {
        assumeTrue(Endpoint.AUTHORIZATION.implemented() && Endpoint.TOKEN.implemented(),
                "needs the authorization and token endpoints (registry flags)");
        assumeTrue(given().get(suite.issuer() + "/jwks").statusCode() == 200, "needs /jwks");

        RelyingParty rp = new RelyingParty(suite.issuer(), "demo-rp", "demo-rp-secret-local-only", REDIRECT_URI);
        assertTrue(rp.endpoint("authorization_endpoint").startsWith(suite.issuer()));
        UserAgentDriver user = new UserAgentDriver(new Browser(), "alice", "alice-password-local-only");
        KeyRotation rotation = new KeyRotation(database, keyEncryptionKey);
        String oldKid = rotation.activeKid().orElse(null);

        Set<String> codeIssuerToRedeemer = new LinkedHashSet<>();
        Set<String> tokenToUserinfo = new LinkedHashSet<>();
        Set<String> idTokenKids = new LinkedHashSet<>();
        String newKid = null;
        String accessTokenBeforeRotation = null;
        int flow = 0;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (flow < 12 || newKid == null || !idTokenKids.contains(newKid)) {
            assertTrue(Instant.now().isBefore(deadline) && flow < 200, "flows did not see the rotated key; kids " + idTokenKids);
            Map<String, String> request = rp.request("code", "openid profile");
            AuthorizationOutcome outcome = user.authorize(rp.endpoint("authorization_endpoint"), request, REDIRECT_URI);
            assertEquals(AuthorizationOutcome.Kind.QUERY, outcome.kind(), "flow " + flow + ": " + outcome);
            String code = outcome.param("code");
            assertNotNull(code, "flow " + flow + ": " + outcome);
            assertEquals(request.get("state"), outcome.param("state"));
            String issuedBy = RECORDER.issuerOfCode(code).map(UpstreamRecorder.Exchange::upstream).orElseThrow();

            if (flow % 2 == 1) {
                Response shift = rp.redeem("not-a-code-" + flow);
                assertEquals(400, shift.statusCode(), "an unknown code is invalid_grant");
                assertEquals("invalid_grant", shift.jsonPath().getString("error"));
            }
            Response tokens = rp.redeem(code);
            assertEquals(200, tokens.statusCode(), "flow " + flow + ": " + tokens.asString());
            String redeemedAt = tokens.header(LocalIngress.UPSTREAM_HEADER);
            codeIssuerToRedeemer.add(issuedBy + " -> " + redeemedAt);

            String idToken = tokens.jsonPath().getString("id_token");
            IDTokenClaimsSet claims = rp.validateIdToken(idToken, request.get("nonce"));
            idTokenKids.add(SignedJWT.parse(idToken).getHeader().getKeyID());
            String accessToken = tokens.jsonPath().getString("access_token");
            for (int i = 0; i < REPLICAS; i++) {
                Response userinfo = rp.userinfo(accessToken);
                assertEquals(200, userinfo.statusCode(), "flow " + flow + ": " + userinfo.asString());
                assertEquals(claims.getSubject().getValue(), userinfo.jsonPath().getString("sub"));
                tokenToUserinfo.add(redeemedAt + " -> " + userinfo.header(LocalIngress.UPSTREAM_HEADER));
            }

            if (flow == 4) {
                accessTokenBeforeRotation = accessToken;
                newKid = rotation.publishNext();
                awaitPublishedByEveryDiscoveryReplica(newKid);
                rotation.promote(newKid);
            }
            flow++;
        }

        assertEquals(2 * REPLICAS, tokenToUserinfo.size(), "tokens from every token replica work at every userinfo replica: "
                + tokenToUserinfo);
        Set<String> redeemers = new HashSet<>();
        codeIssuerToRedeemer.forEach(pair -> redeemers.add(pair.substring(pair.indexOf("-> ") + 3)));
        assertEquals(REPLICAS, redeemers.size(), "codes redeemed at both token replicas: " + codeIssuerToRedeemer);
        assertTrue(codeIssuerToRedeemer.stream().map(p -> p.substring(0, p.indexOf(" ->"))).anyMatch(issuer ->
                codeIssuerToRedeemer.stream().filter(p -> p.startsWith(issuer + " ->")).count() == REPLICAS),
                "the codes of one authorize replica are redeemed at both token replicas: " + codeIssuerToRedeemer);
        if (oldKid != null) {
            assertTrue(idTokenKids.contains(oldKid), "ID tokens before the rotation carry the old key: " + idTokenKids);
        }
        assertTrue(idTokenKids.contains(newKid), idTokenKids.toString());
        for (int i = 0; i < REPLICAS; i++) {
            assertEquals(200, rp.userinfo(accessTokenBeforeRotation).statusCode(),
                    "an access token signed with the retired key is still valid");
        }
        assertTrue(RECORDER.all().stream().noneMatch(e -> e.status() >= 500), "a request failed: "
                + RECORDER.all().stream().filter(e -> e.status() >= 500).toList());
    }

    // ---------------------------------------------------------------- helpers

    /** Waits (bounded) until both discovery replicas list {@code kid} in their JWKS: published before it signs. */
    private static void awaitPublishedByEveryDiscoveryReplica(String kid) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (Suite.Service replica : suite.replicas("discovery-service")) {
            while (!given().get(replica.baseUrl() + "/jwks").jsonPath().getList("keys.kid", String.class).contains(kid)) {
                assertTrue(Instant.now().isBefore(deadline), replica.baseUrl() + " never published " + kid);
                Thread.sleep(200);
            }
        }
    }

    private static Set<Integer> replicaPorts(Service service) {
        Set<Integer> ports = new HashSet<>();
        suite.replicas(service.moduleName()).forEach(r -> ports.add(r.port()));
        return ports;
    }

    /** The port of the replica that served {@code r} (nginx's upstream address, 127.0.0.1:port). */
    private static int upstreamPort(Response r) {
        String upstream = r.header(LocalIngress.UPSTREAM_HEADER);
        assertNotNull(upstream, "no upstream: the ingress answered itself (" + r.statusCode() + ")");
        assertFalse(upstream.contains(","), "nginx retried on another replica: " + upstream);
        return Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1).trim());
    }

    /** A database of its own on the test server, empty: the migration Job must create the schema. */
    private static Database freshDatabase(Database server, String name) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new Database(withDatabaseName(server.jdbcUrl(), name), server.user(), server.password());
    }

    /** jdbc:postgresql://host:port/db?params with db replaced. */
    static String withDatabaseName(String jdbcUrl, String name) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int pathStart = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String prefix = pathStart < 0 || (query >= 0 && query < pathStart) ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query))
                : jdbcUrl.substring(0, pathStart);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return prefix + "/" + name + params;
    }

    private static String randomKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
