package io.gatehouse.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gatehouse-admin}: the operators' command line over the admin API of authorize-service. Exit status 0 on
 * success, 1 when the server refuses, 2 for a wrong command line, 3 when the server cannot be reached.
 */
public final class GatehouseAdmin {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    private static final Set<String> GLOBAL_VALUES = Set.of("url", "token", "client-id", "client-secret", "token-endpoint", "issuer");
    private static final Set<String> GLOBAL_FLAGS = Set.of("json", "help");
    private static final Set<String> VALUES = Set.of("url", "token", "client-id", "client-secret", "token-endpoint", "issuer",
            "id", "name", "redirect-uri", "post-logout-redirect-uri", "grant-type", "response-type", "scope", "auth-method",
            "application-type", "metadata", "search", "page", "size", "username", "attribute", "remove", "user", "client",
            "type", "from", "to");
    private static final Set<String> FLAGS = Set.of("json", "help", "first-party", "not-first-party", "disabled",
            "password-stdin", "all", "replace");

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, CommandGroup> groups = new LinkedHashMap<>();

    public GatehouseAdmin(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        for (CommandGroup g : List.of(new ClientCommands(), new UserCommands(), new ConsentCommands(), new SessionCommands(),
                new KeyCommands(), new AuditCommands())) {
            groups.put(g.name(), g);
        }
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new GatehouseAdmin(System.getenv(), System.in, out, err).run(args));
    }

    /** Runs one command line; returns the exit status. */
    public int run(String... argv) {
        try {
            Args args = Args.parse(argv, VALUES, FLAGS);
            if (args.flag("help")) {
                out.print(usage());
                return OK;
            }
            if (args.positionals.isEmpty()) {
                err.print(usage());
                return USAGE;
            }
            String group = args.positionals.remove(0);
            Output output = new Output(out, args.flag("json"));
            switch (group) {
                case "registration-token" -> {
                    args.allowOnly(Set.of("json"));
                    args.expectPositionals(0);
                    registrationToken(output);
                    return OK;
                }
                case "token" -> {
                    args.allowOnly(union(GLOBAL_VALUES, GLOBAL_FLAGS));
                    args.expectPositionals(0);
                    output.line(tokenSource(args).get());
                    return OK;
                }
                default -> {
                }
            }
            CommandGroup g = groups.get(group);
            if (g == null) {
                throw new UsageException("unknown command " + group);
            }
            String command = args.positional(0, "command after " + group);
            args.positionals.remove(0);
            Set<String> allowed = union(union(GLOBAL_VALUES, GLOBAL_FLAGS), g.options(command));
            args.allowOnly(allowed);
            String url = first(args.value("url"), env.get("GATEHOUSE_ADMIN_URL"), "http://localhost:8081");
            g.run(command, args, new CommandGroup.Context(new AdminApi(url, tokenSource(args)), output, in));
            return OK;
        } catch (UsageException e) {
            err.println("gatehouse-admin: " + e.getMessage());
            err.println("Try gatehouse-admin --help.");
            return USAGE;
        } catch (ApiException e) {
            err.println("gatehouse-admin: refused (HTTP " + e.status + "): " + e.error
                    + (e.description == null ? "" : ": " + e.description));
            return REFUSED;
        } catch (UncheckedIOException e) {
            err.println("gatehouse-admin: " + e.getMessage());
            return UNREACHABLE;
        }
    }

    private TokenSource tokenSource(Args args) {
        return new TokenSource(first(args.value("token"), env.get("GATEHOUSE_ADMIN_TOKEN"), null),
                first(args.value("client-id"), env.get("GATEHOUSE_ADMIN_CLIENT_ID"), null),
                first(args.value("client-secret"), env.get("GATEHOUSE_ADMIN_CLIENT_SECRET"), null),
                first(args.value("token-endpoint"), env.get("GATEHOUSE_ADMIN_TOKEN_ENDPOINT"), null),
                first(args.value("issuer"), env.get("GATEHOUSE_ADMIN_ISSUER"), null));
    }

    /**
     * A new initial access token for {@code POST /register} (RFC 7591 3) and the value to add to
     * {@code gatehouse.registration.initial-access-token-hashes}: base64url SHA-256, as Gatehouse's Sha256.hash.
     */
    private static void registrationToken(Output output) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String token = b64.encodeToString(raw);
        String hash;
        try {
            hash = b64.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var node = AdminApi.JSON.createObjectNode().put("initial_access_token", token).put("hash", hash);
        output.object(node);
    }

    private String usage() {
        StringBuilder b = new StringBuilder("""
                usage: gatehouse-admin [global options] COMMAND [options]

                Global options (anywhere on the line):
                  --url URL              admin API base URL (GATEHOUSE_ADMIN_URL; default http://localhost:8081)
                  --token TOKEN          access token with scope gatehouse:admin (GATEHOUSE_ADMIN_TOKEN)
                  --client-id ID --client-secret SECRET
                                         or fetch one with client credentials (GATEHOUSE_ADMIN_CLIENT_ID, _CLIENT_SECRET)
                  --token-endpoint URL | --issuer URL
                                         where to fetch it (GATEHOUSE_ADMIN_TOKEN_ENDPOINT, GATEHOUSE_ADMIN_ISSUER)
                  --json                 print the API's JSON instead of a table
                  --help                 this text

                Commands:
                """);
        groups.values().forEach(g -> b.append(g.usage()));
        b.append("""
                  token                               print an admin access token (from the client credentials)
                  registration-token                  print a new initial access token for /register and its hash

                Exit status: 0 done, 1 refused by the server, 2 wrong command line, 3 server unreachable.
                """);
        return b.toString();
    }

    private static String first(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
