package io.gatehouse.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code gatehouse-admin audit list}: audit events, newest first. */
final class AuditCommands implements CommandGroup {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return """
                  audit list [--user USER_ID] [--client CLIENT_ID] [--type TYPE] [--from INSTANT] [--to INSTANT]
                             [--page N] [--size N]   (INSTANT: 2026-11-02T10:15:30Z; from inclusive, to exclusive)
                """;
    }

    @Override
    public Set<String> options(String command) {
        return Set.of("user", "client", "type", "from", "to", "page", "size");
    }

    @Override
    public void run(String command, Args args, Context c) {
        if (!command.equals("list")) {
            throw new UsageException("unknown command audit " + command);
        }
        args.expectPositionals(0);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("user_id", args.value("user"));
        q.put("client_id", args.value("client"));
        q.put("type", args.value("type"));
        q.put("from", args.value("from"));
        q.put("to", args.value("to"));
        q.put("page", args.value("page"));
        q.put("size", args.value("size"));
        c.out().table(c.api().get("/admin/audit-events", q),
                List.of("occurred_at", "type", "user_id", "client_id", "source_ip", "details"));
    }
}
