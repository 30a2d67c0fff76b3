package io.gatehouse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes migration Job ({@code deploy/k8s/base/migrate-job.yaml}) as a local process: one packaged
 * service started with {@code GATEHOUSE_MIGRATE_AT_START=true} and {@code QUARKUS_INIT_AND_EXIT=true} applies the
 * Flyway migrations and exits; the services then start with migrations off and schema validation on.
 */
public final class MigrationJob {

    /** The image (module) the Job runs: every service carries the migrations. */
    public static final String SERVICE = "discovery-service";

    private MigrationJob() {
    }

    /** Runs the migration to completion; throws with the log's location when it fails. */
    public static void run(Path root, Database database, Path log, Duration timeout) {
        Path jar = root.resolve(SERVICE).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("GATEHOUSE_DB_URL", database.jdbcUrl());
            pb.environment().put("GATEHOUSE_DB_USER", database.user());
            pb.environment().put("GATEHOUSE_DB_PASSWORD", database.password());
            pb.environment().put("GATEHOUSE_MIGRATE_AT_START", "true");
            pb.environment().put("QUARKUS_INIT_AND_EXIT", "true");
            pb.environment().put("QUARKUS_FLYWAY_VALIDATE_AT_START", "false");
            pb.environment().put("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS", "*:future");
            // Never binds a port, but keep it off the services' ports should it ever start listening.
            pb.environment().put("QUARKUS_HTTP_PORT", "0");
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("migration did not finish in " + timeout + "; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("migration failed with status " + p.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the migration", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
