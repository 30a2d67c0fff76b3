package io.gatehouse.testsupport;

import io.gatehouse.launcher.Database;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at {@link TestDatabase}. Register it once per module
 * ({@code @QuarkusTestResource(PostgresTestResource.class)} on any test class applies to all of them),
 * so the module shares one database and one application start.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Database db = TestDatabase.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // The database lives as long as the test JVM; its shutdown hook stops it.
    }
}
