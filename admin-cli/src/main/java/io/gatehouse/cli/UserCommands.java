package io.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code gatehouse-admin users ...}: /admin/users. Passwords come from standard input only, never from arguments. */
final class UserCommands implements CommandGroup {

    private static final List<String> COLUMNS = List.of("id", "username", "enabled", "has_password", "created_at");

    @Override
    public String name() {
        return "users";
    }

    @Override
    public String usage() {
        return """
                  users create --username NAME [--password-stdin] [--attribute KEY=VALUE | KEY:=JSON]... [--disabled]
                  users list [--search TEXT] [--page N] [--size N]
                  users get USER                      (USER is an id or a username)
                  users set-attributes USER [--attribute KEY=VALUE | KEY:=JSON]... [--remove KEY]... [--replace]
                  users set-password USER --password-stdin
                  users disable USER | users enable USER | users delete USER
                  users reset-second-factor USER      (removes the TOTP authenticator and recovery codes)
                """;
    }

    @Override
    public Set<String> options(String command) {
        return switch (command) {
            case "create" -> Set.of("username", "password-stdin", "attribute", "disabled");
            case "list" -> Set.of("search", "page", "size");
            case "set-attributes" -> Set.of("attribute", "remove", "replace");
            case "set-password" -> Set.of("password-stdin");
            default -> Set.of();
        };
    }

    @Override
    public void run(String command, Args args, Context c) {
        switch (command) {
            case "create" -> {
                args.expectPositionals(0);
                String username = args.value("username");
                if (username == null) {
                    throw new UsageException("missing --username");
                }
                ObjectNode body = AdminApi.JSON.createObjectNode();
                body.put("username", username);
                if (args.flag("password-stdin")) {
                    body.put("password", password(c.in()));
                }
                body.set("attributes", attributes(args.all("attribute")));
                if (args.flag("disabled")) {
                    body.put("enabled", false);
                }
                c.out().object(c.api().post("/admin/users", body));
            }
            case "list" -> {
                args.expectPositionals(0);
                Map<String, String> q = new LinkedHashMap<>();
                q.put("search", args.value("search"));
                q.put("page", args.value("page"));
                q.put("size", args.value("size"));
                c.out().table(c.api().get("/admin/users", q), COLUMNS);
            }
            case "get" -> c.out().object(c.api().get(path(args), Map.of()));
            case "set-attributes" -> {
                String path = path(args) + "/attributes";
                ObjectNode attributes = attributes(args.all("attribute"));
                args.all("remove").forEach(attributes::putNull);
                JsonNode answer = args.flag("replace") ? c.api().put(path, attributes) : c.api().patch(path, attributes);
                c.out().object(answer);
            }
            case "set-password" -> {
                String path = path(args) + "/password";
                if (!args.flag("password-stdin")) {
                    throw new UsageException("set-password reads the password from standard input: add --password-stdin");
                }
                c.api().put(path, AdminApi.JSON.createObjectNode().put("password", password(c.in())));
                c.out().done("password set for user " + args.positional(0, "USER"));
            }
            case "disable" -> c.out().object(c.api().post(path(args) + "/disable", null));
            case "enable" -> c.out().object(c.api().post(path(args) + "/enable", null));
            case "reset-second-factor" -> {
                c.api().delete(path(args) + "/second-factor");
                c.out().done("second factor reset for user " + args.positional(0, "USER"));
            }
            case "delete" -> {
                c.api().delete(path(args));
                c.out().done("deleted user " + args.positional(0, "USER"));
            }
            default -> throw new UsageException("unknown command users " + command);
        }
    }

    static String path(Args args) {
        String user = args.positional(0, "USER");
        args.expectPositionals(1);
        return "/admin/users/" + AdminApi.segment(user);
    }

    /** {@code KEY=VALUE} sets a string; {@code KEY:=JSON} sets any JSON value (true, 42, ["a"]). */
    static ObjectNode attributes(List<String> pairs) {
        ObjectNode attributes = AdminApi.JSON.createObjectNode();
        for (String pair : pairs) {
            int json = pair.indexOf(":=");
            int eq = pair.indexOf('=');
            if (json > 0 && json < eq) {
                try {
                    attributes.set(pair.substring(0, json), AdminApi.JSON.readTree(pair.substring(json + 2)));
                } catch (IOException e) {
                    throw new UsageException("--attribute " + pair.substring(0, json) + ":= needs a JSON value");
                }
            } else if (eq > 0) {
                attributes.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else {
                throw new UsageException("--attribute needs KEY=VALUE or KEY:=JSON");
            }
        }
        return attributes;
    }

    /** The first line of standard input, without its line end. */
    static String password(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("--password-stdin: standard input is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
