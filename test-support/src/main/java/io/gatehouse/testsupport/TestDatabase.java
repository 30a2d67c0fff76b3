package io.gatehouse.testsupport;

import io.gatehouse.launcher.Database;
import io.gatehouse.launcher.LocalPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every test uses, found in this order (one per test JVM, started on first use):
 * <ol>
 *   <li>{@code GATEHOUSE_TEST_JDBC_URL} (with {@code GATEHOUSE_TEST_DB_USER}, {@code GATEHOUSE_TEST_DB_PASSWORD});</li>
 *   <li>a Testcontainers PostgreSQL when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL: real server binaries from a Maven artifact, run as a child process.</li>
 * </ol>
 * Where no Docker engine exists, Testcontainers logs an ERROR block "Could not find a valid Docker
 * environment" while it checks: harmless, the embedded server is used instead.
 */
public final class TestDatabase {

    private static Database database;
    private static String source;
    private static LocalPostgres embedded;

    private TestDatabase() {
    }

    public static synchronized Database get() {
        if (database == null) {
            database = start();
        }
        return database;
    }

    /** env, testcontainers or embedded. */
    public static synchronized String source() {
        get();
        return source;
    }

    private static Database start() {
        String url = System.getenv("GATEHOUSE_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            source = "env";
            return new Database(url, envOr("GATEHOUSE_TEST_DB_USER", "postgres"), envOr("GATEHOUSE_TEST_DB_PASSWORD", "postgres"));
        }
        if (!"true".equals(System.getenv("GATEHOUSE_TEST_SKIP_DOCKER")) && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
            source = "testcontainers";
            return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        embedded = LocalPostgres.ephemeral();
        LocalPostgres server = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        source = "embedded";
        return new Database(embedded.jdbcUrl(), embedded.user(), embedded.password());
    }

    /** The embedded server, for fault tests that stop and start it; empty with an external or container database. */
    public static synchronized java.util.Optional<LocalPostgres> embeddedServer() {
        get();
        return java.util.Optional.ofNullable(embedded);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
