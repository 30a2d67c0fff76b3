package io.gatehouse.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code gatehouse-admin sessions ...}: a user's SSO sessions. */
final class SessionCommands implements CommandGroup {

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public String usage() {
        return """
                  sessions list USER [--all]          (--all adds ended and expired sessions)
                  sessions end USER SID
                """;
    }

    @Override
    public Set<String> options(String command) {
        return command.equals("list") ? Set.of("all") : Set.of();
    }

    @Override
    public void run(String command, Args args, Context c) {
        String user = args.positional(0, "USER");
        String base = "/admin/users/" + AdminApi.segment(user) + "/sessions";
        switch (command) {
            case "list" -> {
                args.expectPositionals(1);
                c.out().table(c.api().get(base, args.flag("all") ? Map.of("all", "true") : Map.of()),
                        List.of("sid", "active", "auth_time", "expires_at", "ended_at", "clients"));
            }
            case "end" -> {
                String sid = args.positional(1, "SID");
                args.expectPositionals(2);
                c.api().delete(base + "/" + AdminApi.segment(sid));
                c.out().done("ended session " + sid);
            }
            default -> throw new UsageException("unknown command sessions " + command);
        }
    }
}
