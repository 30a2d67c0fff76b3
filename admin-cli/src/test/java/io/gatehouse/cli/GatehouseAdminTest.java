package io.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line without a server: parsing, usage errors, exit statuses and output shapes. */
class GatehouseAdminTest {

    record Run(int status, String out, String err) {
    }

    static Run run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new GatehouseAdmin(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(Map.of(), "", args);
    }

    @Test
    void helpPrintsEveryCommandAndSucceeds() {
        Run r = run("--help");
        assertEquals(0, r.status());
        for (String command : List.of("clients create", "users create", "consents revoke", "sessions end", "keys list", "audit list",
                "registration-token")) {
            assertTrue(r.out().contains(command), command);
        }
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(GatehouseAdmin.USAGE, run().status());
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        assertEquals(GatehouseAdmin.USAGE, run("frobnicate").status());
        assertEquals(GatehouseAdmin.USAGE, run("clients", "frob", "--token", "t").status());
        Run r = run("clients", "list", "--bogus");
        assertEquals(GatehouseAdmin.USAGE, r.status());
        assertTrue(r.err().contains("--bogus"));
        assertEquals(GatehouseAdmin.USAGE, run("clients", "list", "--username", "x", "--token", "t").status());
    }

    @Test
    void missingArgumentIsAUsageError() {
        Run r = run("clients", "get", "--token", "t");
        assertEquals(GatehouseAdmin.USAGE, r.status());
        assertTrue(r.err().contains("CLIENT_ID"));
    }

    @Test
    void commandWithoutAnyTokenIsAUsageError() {
        Run r = run("clients", "list");
        assertEquals(GatehouseAdmin.USAGE, r.status());
        assertTrue(r.err().contains("--token"));
    }

    @Test
    void unreachableServerExitsWithThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = run(Map.of("GATEHOUSE_ADMIN_TOKEN", "t"), "", "clients", "list", "--url", "http://127.0.0.1:" + port);
        assertEquals(GatehouseAdmin.UNREACHABLE, r.status());
    }

    @Test
    void registrationTokenPrintsATokenAndItsSha256() throws Exception {
        Run r = run("registration-token", "--json");
        assertEquals(0, r.status());
        JsonNode json = AdminApi.JSON.readTree(r.out());
        String token = json.get("initial_access_token").asText();
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(hash, json.get("hash").asText());
        assertEquals(43, token.length());
    }

    @Test
    void optionsTakeValuesInBothSpellingsAndRepeat() {
        Args a = Args.parse(new String[] {"clients", "create", "--redirect-uri", "https://a/cb", "--redirect-uri=https://b/cb",
                "--json", "--", "--literal"}, Set.of("redirect-uri"), Set.of("json"));
        assertEquals(List.of("https://a/cb", "https://b/cb"), a.all("redirect-uri"));
        assertTrue(a.flag("json"));
        assertEquals(List.of("clients", "create", "--literal"), a.positionals);
        assertThrows(UsageException.class, () -> Args.parse(new String[] {"--redirect-uri"}, Set.of("redirect-uri"), Set.of()));
        assertThrows(UsageException.class, () -> Args.parse(new String[] {"--json=yes"}, Set.of(), Set.of("json")));
    }

    @Test
    void attributesAreStringsOrJson() {
        JsonNode a = UserCommands.attributes(List.of("mail=alice@example.com", "emailVerified:=true", "groups:=[\"a\",\"b\"]",
                "note=a=b"));
        assertEquals("alice@example.com", a.get("mail").asText());
        assertTrue(a.get("emailVerified").isBoolean());
        assertEquals(2, a.get("groups").size());
        assertEquals("a=b", a.get("note").asText());
        assertThrows(UsageException.class, () -> UserCommands.attributes(List.of("novalue")));
        assertThrows(UsageException.class, () -> UserCommands.attributes(List.of("x:={not json")));
    }

    @Test
    void passwordIsTheFirstLineOfStandardInput() {
        assertEquals("s3cret pass", UserCommands.password(new ByteArrayInputStream("s3cret pass\nrest".getBytes(StandardCharsets.UTF_8))));
        assertThrows(UsageException.class, () -> UserCommands.password(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void tablesAlignColumnsAndCountThePage() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        JsonNode page = AdminApi.JSON.readTree("{\"items\":[{\"client_id\":\"a\",\"grant_types\":[\"x\",\"y\"]},"
                + "{\"client_id\":\"longer-id\",\"grant_types\":[]}],\"page\":0,\"size\":50,\"total\":2}");
        new Output(new PrintStream(buf, true, StandardCharsets.UTF_8), false).table(page, List.of("client_id", "grant_types"));
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("CLIENT ID  GRANT TYPES", lines.get(0));
        assertEquals("a          x,y", lines.get(1));
        assertEquals("longer-id", lines.get(2));
        assertEquals("(2 of 2, page 0)", lines.get(3));
    }

    @Test
    void errorAnswersBecomeApiExceptionsWithTheSpecError() {
        ApiException e = assertThrows(ApiException.class, () -> AdminApi.answer(404,
                "{\"error\":\"not_found\",\"error_description\":\"no client x\"}".getBytes(StandardCharsets.UTF_8), null));
        assertEquals("not_found", e.error);
        assertEquals("no client x", e.description);
        ApiException bare = assertThrows(ApiException.class, () -> AdminApi.answer(401, new byte[0], "Bearer"));
        assertEquals("http_401", bare.error);
    }
}
