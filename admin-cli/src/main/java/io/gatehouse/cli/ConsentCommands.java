package io.gatehouse.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code gatehouse-admin consents ...}: a user's saved consents. */
final class ConsentCommands implements CommandGroup {

    @Override
    public String name() {
        return "consents";
    }

    @Override
    public String usage() {
        return """
                  consents list USER
                  consents revoke USER CLIENT_ID      (also revokes the user's grants to the client)
                """;
    }

    @Override
    public Set<String> options(String command) {
        return Set.of();
    }

    @Override
    public void run(String command, Args args, Context c) {
        String user = args.positional(0, "USER");
        String base = "/admin/users/" + AdminApi.segment(user) + "/consents";
        switch (command) {
            case "list" -> {
                args.expectPositionals(1);
                c.out().table(c.api().get(base, Map.of()), List.of("client_id", "client_name", "scopes", "granted_at"));
            }
            case "revoke" -> {
                String client = args.positional(1, "CLIENT_ID");
                args.expectPositionals(2);
                c.api().delete(base + "/" + AdminApi.segment(client));
                c.out().done("revoked consent of " + user + " for " + client);
            }
            default -> throw new UsageException("unknown command consents " + command);
        }
    }
}
