package io.gatehouse.model.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.launcher.Database;
import io.gatehouse.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The migrations apply on an empty database, and running them again (a restart) changes nothing. */
class MigrationTest {

    static final Set<String> STATE_MODEL = Set.of("clients", "users", "claim_mappings", "sessions", "session_clients",
            "consents", "grants", "authorization_codes", "refresh_tokens", "revocations", "signing_keys",
            "pushed_requests", "device_codes", "audit_events");

    @Test
    void migrationsApplyOnEmptyDatabaseAndReapplyingChangesNothing() throws SQLException {
        Database server = TestDatabase.get();
        String url = freshDatabase(server);

        Flyway flyway = Flyway.configure().dataSource(url, server.user(), server.password())
                .locations("classpath:db/migration").load();
        int applied = flyway.migrate().migrationsExecuted;
        assertTrue(applied >= 1, "migrations ran on the empty database");
        List<String> schemaAfterFirst = schema(url, server);
        Set<String> tables = tables(url, server);
        assertTrue(tables.containsAll(STATE_MODEL), "every table of the state model exists: " + tables);

        int again = Flyway.configure().dataSource(url, server.user(), server.password())
                .locations("classpath:db/migration").load().migrate().migrationsExecuted;
        assertEquals(0, again, "a restart applies nothing");
        assertEquals(schemaAfterFirst, schema(url, server), "a restart changes no table, column or index");
    }

    private static String freshDatabase(Database server) throws SQLException {
        String name = "migration_test_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        int slash = server.jdbcUrl().lastIndexOf('/');
        int query = server.jdbcUrl().indexOf('?', slash);
        return server.jdbcUrl().substring(0, slash + 1) + name + (query >= 0 ? server.jdbcUrl().substring(query) : "");
    }

    private static Set<String> tables(String url, Database server) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> schema(String url, Database server) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select table_name, column_name, data_type, is_nullable, column_default "
                    + "from information_schema.columns where table_schema = 'public' order by 1, 2")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5));
                }
            }
            try (ResultSet rs = s.executeQuery("select indexdef from pg_indexes where schemaname = 'public' order by 1")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from flyway_schema_history")) {
                rs.next();
                rows.add("history " + rs.getInt(1));
            }
        }
        return rows;
    }
}
