package io.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code gatehouse-admin clients ...}: /admin/clients. */
final class ClientCommands implements CommandGroup {

    private static final Set<String> METADATA_OPTIONS = Set.of("name", "redirect-uri", "post-logout-redirect-uri", "grant-type",
            "response-type", "scope", "auth-method", "application-type", "metadata", "first-party", "not-first-party",
            "disabled");
    private static final List<String> COLUMNS = List.of("client_id", "client_name", "token_endpoint_auth_method", "grant_types",
            "enabled");

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public String usage() {
        return """
                  clients create [--id ID] --name NAME --redirect-uri URI... [--post-logout-redirect-uri URI]...
                                 [--grant-type T]... [--response-type T]... [--scope S] [--auth-method M]
                                 [--application-type web|native] [--first-party] [--disabled] [--metadata FILE|-]
                  clients list [--search TEXT] [--page N] [--size N]
                  clients get CLIENT_ID
                  clients update CLIENT_ID [any option of create but --id] [--not-first-party]
                  clients rotate-secret CLIENT_ID
                  clients disable CLIENT_ID | clients enable CLIENT_ID | clients delete CLIENT_ID
                """;
    }

    @Override
    public Set<String> options(String command) {
        return switch (command) {
            case "create" -> union(METADATA_OPTIONS, Set.of("id"));
            case "update" -> METADATA_OPTIONS;
            case "list" -> Set.of("search", "page", "size");
            default -> Set.of();
        };
    }

    @Override
    public void run(String command, Args args, Context c) {
        switch (command) {
            case "create" -> {
                args.expectPositionals(0);
                ObjectNode body = metadata(args, c.in());
                if (args.value("id") != null) {
                    body.put("client_id", args.value("id"));
                }
                JsonNode created = c.api().post("/admin/clients", body);
                c.out().object(created);
            }
            case "list" -> {
                args.expectPositionals(0);
                Map<String, String> q = new LinkedHashMap<>();
                q.put("search", args.value("search"));
                q.put("page", args.value("page"));
                q.put("size", args.value("size"));
                c.out().table(c.api().get("/admin/clients", q), COLUMNS);
            }
            case "get" -> c.out().object(c.api().get(path(args), Map.of()));
            case "update" -> {
                String path = path(args);
                ObjectNode current = (ObjectNode) c.api().get(path, Map.of());
                ObjectNode changes = metadata(args, c.in());
                current.setAll(changes);
                c.out().object(c.api().put(path, current));
            }
            case "rotate-secret" -> c.out().object(c.api().post(path(args) + "/secret", null));
            case "disable" -> c.out().object(c.api().post(path(args) + "/disable", null));
            case "enable" -> c.out().object(c.api().post(path(args) + "/enable", null));
            case "delete" -> {
                c.api().delete(path(args));
                c.out().done("deleted client " + args.positional(0, "CLIENT_ID"));
            }
            default -> throw new UsageException("unknown command clients " + command);
        }
    }

    private static String path(Args args) {
        String id = args.positional(0, "CLIENT_ID");
        args.expectPositionals(1);
        return "/admin/clients/" + AdminApi.segment(id);
    }

    /** The metadata members the options give: a --metadata JSON document first, then each option over it. */
    static ObjectNode metadata(Args args, InputStream in) {
        ObjectNode body = AdminApi.JSON.createObjectNode();
        String file = args.value("metadata");
        if (file != null) {
            try {
                byte[] json = file.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(file));
                JsonNode doc = AdminApi.JSON.readTree(json);
                if (doc == null || !doc.isObject()) {
                    throw new UsageException("--metadata must hold a JSON object");
                }
                body.setAll((ObjectNode) doc);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UsageException("--metadata is not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UsageException("cannot read --metadata " + file + ": " + e.getMessage());
            }
        }
        if (args.value("name") != null) {
            body.put("client_name", args.value("name"));
        }
        array(body, "redirect_uris", args.all("redirect-uri"));
        array(body, "post_logout_redirect_uris", args.all("post-logout-redirect-uri"));
        array(body, "grant_types", args.all("grant-type"));
        array(body, "response_types", args.all("response-type"));
        if (args.value("scope") != null) {
            body.put("scope", args.value("scope"));
        }
        if (args.value("auth-method") != null) {
            body.put("token_endpoint_auth_method", args.value("auth-method"));
        }
        if (args.value("application-type") != null) {
            body.put("application_type", args.value("application-type"));
        }
        if (args.flag("first-party")) {
            body.put("first_party", true);
        }
        if (args.flag("not-first-party")) {
            body.put("first_party", false);
        }
        if (args.flag("disabled")) {
            body.put("enabled", false);
        }
        return body;
    }

    private static void array(ObjectNode body, String member, List<String> values) {
        if (!values.isEmpty()) {
            var a = body.putArray(member);
            values.forEach(a::add);
        }
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
