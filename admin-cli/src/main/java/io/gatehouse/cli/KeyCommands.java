package io.gatehouse.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code gatehouse-admin keys list}: public information of the signing keys (rotation is discovery-service's). */
final class KeyCommands implements CommandGroup {

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String usage() {
        return """
                  keys list
                """;
    }

    @Override
    public Set<String> options(String command) {
        return Set.of();
    }

    @Override
    public void run(String command, Args args, Context c) {
        if (!command.equals("list")) {
            throw new UsageException("unknown command keys " + command);
        }
        args.expectPositionals(0);
        c.out().table(c.api().get("/admin/keys", Map.of()), List.of("kid", "alg", "state", "created_at", "activated_at", "retired_at"));
    }
}
