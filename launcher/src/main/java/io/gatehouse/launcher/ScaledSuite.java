package io.gatehouse.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The Kubernetes deployment on one machine: the migration Job, then several replicas of each of the four services
 * (each replica a {@link Suite} of separate processes on its own ports, all on one database, configured as the
 * manifests configure them: migrations off, schema validated, every public URL the issuer), behind a
 * {@link LocalIngress} whose URL is the issuer.
 */
public final class ScaledSuite implements AutoCloseable {

    /**
     * What to start. {@code ports} maps each service to the ports of its replicas (all lists of the same length);
     * {@code extraEnv} goes to every service (the key-encryption key, JVM options).
     */
    public record Options(Path root, Database database, Map<String, List<Integer>> ports, int ingressPort,
                          Path stateDirectory, Path bootstrapFile, Map<String, String> extraEnv, Path nginx) {
    }

    private final List<Suite> replicas = new ArrayList<>();
    private final Options options;
    private LocalIngress ingress;

    private ScaledSuite(Options options) {
        this.options = options;
    }

    /** {@code replicas} ports for each service, taken from {@code next}. */
    public static Map<String, List<Integer>> ports(int replicas, IntSupplier next) {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        for (String service : Suite.Options.defaultPorts().keySet()) {
            List<Integer> list = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                list.add(next.getAsInt());
            }
            ports.put(service, list);
        }
        return ports;
    }

    /** Runs the migration, starts every replica and the ingress; {@link #awaitReady} waits for them. */
    public static ScaledSuite start(Options options) {
        ScaledSuite scaled = new ScaledSuite(options);
        try {
            scaled.launch();
        } catch (RuntimeException e) {
            scaled.close();
            throw e;
        }
        return scaled;
    }

    private void launch() {
        Path logs = options.stateDirectory().resolve("logs");
        MigrationJob.run(options.root(), options.database(), logs.resolve("migrate.log"), Duration.ofMinutes(3));
        String issuer = issuer();
        int count = options.ports().values().iterator().next().size();
        for (int r = 0; r < count; r++) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Map.Entry<String, List<Integer>> e : options.ports().entrySet()) {
                ports.put(e.getKey(), e.getValue().get(r));
            }
            Map<String, String> env = new LinkedHashMap<>(options.extraEnv());
            for (String url : List.of("AUTHORIZE", "TOKEN", "USERINFO", "DISCOVERY")) {
                env.put("GATEHOUSE_URLS_" + url, issuer);
            }
            // As deploy/k8s/base/kustomization.yaml configures the services.
            env.put("GATEHOUSE_MIGRATE_AT_START", "false");
            env.put("QUARKUS_FLYWAY_VALIDATE_AT_START", "true");
            env.put("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS", "*:future");
            // Only one replica imports the bootstrap data, as one would run the import once.
            replicas.add(Suite.start(new Suite.Options(options.root(), options.database(), ports, issuer,
                    logs.resolve("replica-" + (r + 1)), r == 0 ? options.bootstrapFile() : null, env)));
        }
        ingress = LocalIngress.start(options.nginx(), options.stateDirectory().resolve("nginx"), options.ingressPort(),
                options.ports(), options.root().resolve(LocalIngress.ROUTES));
    }

    /** Waits until every replica reports ready and the ingress listens. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ingress.awaitListening(timeout);
        for (Suite suite : replicas) {
            suite.awaitReady(Duration.between(Instant.now(), deadline).isNegative() ? Duration.ofSeconds(1)
                    : Duration.between(Instant.now(), deadline));
        }
    }

    /** The issuer: the ingress's URL. */
    public String issuer() {
        return "http://localhost:" + options.ingressPort();
    }

    public LocalIngress ingress() {
        return ingress;
    }

    /** The replicas of one service, in replica order. */
    public List<Suite.Service> replicas(String service) {
        return replicas.stream().map(s -> s.service(service)).toList();
    }

    /** Every replica group (one {@link Suite} per replica index). */
    public List<Suite> suites() {
        return List.copyOf(replicas);
    }

    /** The first process that has exited (a service of replica n, or nginx), or null while all run. */
    public String exited() {
        for (int r = 0; r < replicas.size(); r++) {
            String name = replicas.get(r).exitedService();
            if (name != null) {
                return name + " (replica " + (r + 1) + ")";
            }
        }
        return ingress != null && !ingress.isAlive() ? "nginx" : null;
    }

    @Override
    public void close() {
        if (ingress != null) {
            ingress.close();
        }
        replicas.forEach(Suite::close);
    }
}
