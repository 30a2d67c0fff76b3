package io.gatehouse.authorize.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.cli.GatehouseAdmin;
import io.gatehouse.model.crypto.Argon2idPasswordHasher;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** gatehouse-admin run in-process against this test application: output, exit status, and the changes it makes. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AdminCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL url;
    @Inject
    AdminFixtures fixtures;

    AdminFixtures.Token admin;

    record Run(int status, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    @BeforeEach
    void token() {
        admin = fixtures.adminToken();
    }

    Run cli(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new GatehouseAdmin(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** As an operator: URL and token from the environment, as a shell session would set them. */
    Run cli(String... args) {
        return cliWithStdin("", args);
    }

    Run cliWithStdin(String stdin, String... args) {
        return cli(Map.of("GATEHOUSE_ADMIN_URL", url.toString(), "GATEHOUSE_ADMIN_TOKEN", admin.value()), stdin, args);
    }

    static Run ok(Run r) {
        assertEquals(0, r.status(), r.out() + r.err());
        return r;
    }

    @Test
    void clientsLifecycleFromTheCommandLine() {
        String name = "cli-" + UUID.randomUUID();
        JsonNode created = ok(cli("clients", "create", "--name", name, "--redirect-uri", "https://rp.example/cb",
                "--redirect-uri", "https://rp.example/cb2", "--scope", "openid profile", "--json")).json();
        String id = created.get("client_id").asText();
        String secret = created.get("client_secret").asText();
        assertEquals(Sha256.hash(secret), fixtures.findClient(id).secretHash);
        assertEquals(List.of("https://rp.example/cb", "https://rp.example/cb2"), fixtures.findClient(id).redirectUris);

        Run list = ok(cli("clients", "list", "--search", name));
        assertTrue(list.out().startsWith("CLIENT ID"), list.out());
        assertTrue(list.out().contains(id) && list.out().contains(name), list.out());
        assertTrue(list.out().contains("(1 of 1, page 0)"), list.out());

        Run get = ok(cli("clients", "get", id));
        assertTrue(get.out().contains("client_name:") && get.out().contains(name), get.out());
        assertTrue(!get.out().contains(secret), "the secret is shown only once");

        ok(cli("clients", "update", id, "--name", name + "-renamed", "--first-party"));
        assertEquals(name + "-renamed", fixtures.findClient(id).clientName);
        assertTrue(fixtures.findClient(id).firstParty);
        assertEquals(List.of("https://rp.example/cb", "https://rp.example/cb2"), fixtures.findClient(id).redirectUris,
                "update keeps what it is not told to change");

        String rotated = ok(cli("clients", "rotate-secret", id, "--json")).json().get("client_secret").asText();
        assertNotEquals(secret, rotated);
        assertEquals(Sha256.hash(rotated), fixtures.findClient(id).secretHash);

        ok(cli("clients", "disable", id));
        assertTrue(!fixtures.findClient(id).enabled);
        ok(cli("clients", "enable", id));
        Run deleted = ok(cli("clients", "delete", id));
        assertTrue(deleted.out().contains("deleted client " + id));
        assertNull(fixtures.findClient(id));

        Run missing = cli("clients", "get", id);
        assertEquals(GatehouseAdmin.REFUSED, missing.status());
        assertTrue(missing.err().contains("not_found"), missing.err());
    }

    @Test
    void invalidMetadataIsReportedWithTheSpecErrorAndStatusOne() {
        Run r = cli("clients", "create", "--name", "bad", "--redirect-uri", "https://rp.example/cb#frag");
        assertEquals(GatehouseAdmin.REFUSED, r.status());
        assertTrue(r.err().contains("invalid_redirect_uri"), r.err());
    }

    @Test
    void metadataDocumentFromStandardInput() {
        Run r = ok(cliWithStdin("{\"client_name\":\"from-stdin\",\"grant_types\":[\"client_credentials\"],\"scope\":\"api.read\"}",
                "clients", "create", "--metadata", "-", "--json"));
        assertEquals("from-stdin", r.json().get("client_name").asText());
        assertEquals(0, r.json().get("response_types").size());
    }

    @Test
    void usersLifecycleWithPasswordFromStandardInput() {
        String username = "cli-user-" + UUID.randomUUID();
        JsonNode created = ok(cliWithStdin("a long enough password\n", "users", "create", "--username", username,
                "--password-stdin", "--attribute", "mail=" + username + "@example.com", "--attribute", "emailVerified:=true",
                "--json")).json();
        UUID id = UUID.fromString(created.get("id").asText());
        UserEntity stored = fixtures.findUser(id);
        assertTrue(new Argon2idPasswordHasher().verify("a long enough password".toCharArray(), stored.passwordHash));
        assertEquals(Boolean.TRUE, stored.attributes.get("emailVerified"));

        Run list = ok(cli("users", "list", "--search", username));
        assertTrue(list.out().contains(id.toString()), list.out());
        assertTrue(list.out().contains("(1 of 1, page 0)"), list.out());

        ok(cli("users", "set-attributes", username, "--attribute", "cn=CLI User", "--remove", "emailVerified"));
        stored = fixtures.findUser(id);
        assertEquals("CLI User", stored.attributes.get("cn"));
        assertTrue(!stored.attributes.containsKey("emailVerified"));

        ok(cliWithStdin("another good password\n", "users", "set-password", username, "--password-stdin"));
        assertTrue(new Argon2idPasswordHasher().verify("another good password".toCharArray(), fixtures.findUser(id).passwordHash));

        ok(cli("users", "disable", username));
        assertTrue(!fixtures.findUser(id).enabled);
        ok(cli("users", "enable", id.toString()));
        ok(cli("users", "delete", username));
        assertNull(fixtures.findUser(id));
    }

    @Test
    void passwordIsNeverTakenFromArguments() {
        Run r = cli("users", "create", "--username", "x-" + UUID.randomUUID(), "--password", "on-the-command-line");
        assertEquals(GatehouseAdmin.USAGE, r.status());
    }

    @Test
    void consentsSessionsKeysAndAuditFromTheCommandLine() {
        UserEntity user = fixtures.user("cli-sessions");
        var rp = fixtures.client(Map.of());
        fixtures.consent(user.id, rp.clientId, List.of("openid"));
        SessionEntity s = fixtures.session(user.id, List.of(rp.clientId));

        assertTrue(ok(cli("consents", "list", user.username)).out().contains(rp.clientId));
        ok(cli("consents", "revoke", user.username, rp.clientId));
        assertTrue(!ok(cli("consents", "list", user.username)).out().contains(rp.clientId));

        Run sessions = ok(cli("sessions", "list", user.id.toString()));
        assertTrue(sessions.out().contains(s.sid) && sessions.out().contains(rp.clientId), sessions.out());
        ok(cli("sessions", "end", user.id.toString(), s.sid));
        assertNotNull(fixtures.findSession(s.sid).endedAt);

        Run keys = ok(cli("keys", "list"));
        assertTrue(keys.out().startsWith("KID"), keys.out());

        Run audit = ok(cli("audit", "list", "--user", user.id.toString(), "--json"));
        List<String> types = new ArrayList<>();
        audit.json().get("items").forEach(e -> types.add(e.get("type").asText()));
        // Newest first: the operator's action, the session's end itself (SessionTermination, reason admin), the consent.
        assertEquals(List.of("admin.session.ended", "logout", "admin.consent.revoked"), types);
    }

    @Test
    void tokenWithoutTheAdminScopeIsRefusedWithStatusOne() {
        AdminFixtures.Token weak = fixtures.clientToken("api.read");
        Run r = cli(Map.of("GATEHOUSE_ADMIN_URL", url.toString()), "", "keys", "list", "--token", weak.value());
        assertEquals(GatehouseAdmin.REFUSED, r.status());
        assertTrue(r.err().contains("insufficient_scope"), r.err());
    }

    @Test
    void noTokenAtAllIsAUsageError() {
        Run r = cli(Map.of("GATEHOUSE_ADMIN_URL", url.toString()), "", "clients", "list");
        assertEquals(GatehouseAdmin.USAGE, r.status());
    }

    /**
     * With client credentials the CLI finds the token endpoint by discovery and asks for gatehouse:admin with
     * client_secret_basic; the token endpoint here is a stand-in that hands out a token minted by AccessTokenIssuer.
     */
    @Test
    void clientCredentialsAreExchangedForATokenAtTheDiscoveredTokenEndpoint() throws Exception {
        Map<String, String> seen = new HashMap<>();
        HttpServer op = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + op.getAddress().getPort();
        op.createContext("/.well-known/openid-configuration", x -> {
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + issuer + "/token\"}").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        op.createContext("/token", x -> {
            seen.put("authorization", x.getRequestHeaders().getFirst("Authorization"));
            seen.put("body", URLDecoder.decode(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            byte[] body = ("{\"access_token\":\"" + admin.value() + "\",\"token_type\":\"Bearer\",\"expires_in\":600}")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        op.start();
        try {
            Run r = cli(Map.of("GATEHOUSE_ADMIN_URL", url.toString(), "GATEHOUSE_ADMIN_CLIENT_ID", "ops cli",
                    "GATEHOUSE_ADMIN_CLIENT_SECRET", "s3cr:et", "GATEHOUSE_ADMIN_ISSUER", issuer), "", "keys", "list");
            ok(r);
            assertEquals("Basic " + Base64.getEncoder().encodeToString("ops+cli:s3cr%3Aet".getBytes(StandardCharsets.UTF_8)),
                    seen.get("authorization"), "RFC 6749 2.3.1: form-encoded, then Basic");
            assertEquals("grant_type=client_credentials&scope=gatehouse:admin", seen.get("body"));
            Run printed = cli(Map.of("GATEHOUSE_ADMIN_CLIENT_ID", "ops cli", "GATEHOUSE_ADMIN_CLIENT_SECRET", "s3cr:et"), "",
                    "token", "--token-endpoint", issuer + "/token");
            assertEquals(admin.value(), ok(printed).out().trim());
        } finally {
            op.stop(0);
        }
    }
}
