package io.gatehouse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged Gatehouse services, each a separate {@code java -jar quarkus-run.jar} child process
 * against one database: the local run and the end-to-end tests use exactly this.
 */
public final class Suite implements AutoCloseable {

    /** A service: its Maven module and the port it listens on. */
    public record Service(String name, int port) {
        public String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    /** What to start. {@code extraEnv} is added to every service's environment. */
    public record Options(Path root, Database database, Map<String, Integer> ports, String issuer,
                          Path logDirectory, Path bootstrapFile, Map<String, String> extraEnv) {

        public static Map<String, Integer> defaultPorts() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("authorize-service", 8081);
            ports.put("token-service", 8082);
            ports.put("userinfo-service", 8083);
            ports.put("discovery-service", 8084);
            return ports;
        }
    }

    private final List<Service> services = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Options options;

    private Suite(Options options) {
        this.options = options;
    }

    public static Suite start(Options options) {
        Suite suite = new Suite(options);
        try {
            suite.launchAll();
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    public List<Service> services() {
        return List.copyOf(services);
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public String issuer() {
        return options.issuer();
    }

    private void launchAll() {
        try {
            Files.createDirectories(options.logDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, Integer> entry : options.ports().entrySet()) {
            processes.add(launch(entry.getKey(), entry.getValue(), false));
            services.add(new Service(entry.getKey(), entry.getValue()));
        }
    }

    /**
     * Each service's JVM when GATEHOUSE_JAVA_OPTS is unset: a small heap (the live set after load is about 20 MB per
     * service), the client compiler only, capped code cache, metaspace, direct memory and stacks. Measured in
     * docs/performance.md ("Lean JVMs"): 206 to 305 MB RSS after load instead of 297 to 396 MB, throughput no lower.
     */
    static final String DEFAULT_JAVA_OPTS = "-Xmx128m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 "
            + "-XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:MaxDirectMemorySize=32m "
            + "-Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1";

    /** Starts one service process logging to {@code <name>.log} (appended to after a restart). */
    private Process launch(String name, int port, boolean appendLog) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> urls = new LinkedHashMap<>();
        options.ports().forEach((n, p) -> urls.put(n, "http://localhost:" + p));
        Path jar = options.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        String javaOpts = options.extraEnv().getOrDefault("GATEHOUSE_JAVA_OPTS",
                System.getenv().getOrDefault("GATEHOUSE_JAVA_OPTS", DEFAULT_JAVA_OPTS));
        for (String opt : javaOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(options.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(options.logDirectory().resolve(name + ".log").toFile())
                        : ProcessBuilder.Redirect.to(options.logDirectory().resolve(name + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("GATEHOUSE_DB_URL", options.database().jdbcUrl());
        env.put("GATEHOUSE_DB_USER", options.database().user());
        env.put("GATEHOUSE_DB_PASSWORD", options.database().password());
        env.put("GATEHOUSE_ISSUER", options.issuer());
        // A partial suite (some services only) takes the others' URLs from extraEnv.
        Map.of("GATEHOUSE_URLS_AUTHORIZE", "authorize-service", "GATEHOUSE_URLS_TOKEN", "token-service",
                "GATEHOUSE_URLS_USERINFO", "userinfo-service", "GATEHOUSE_URLS_DISCOVERY", "discovery-service")
                .forEach((key, service) -> {
                    if (urls.containsKey(service)) {
                        env.put(key, urls.get(service));
                    }
                });
        env.putIfAbsent("GATEHOUSE_DEV_MODE", "true");
        if (name.equals("authorize-service") && options.bootstrapFile() != null) {
            env.put("GATEHOUSE_BOOTSTRAP_FILE", options.bootstrapFile().toAbsolutePath().toString());
        }
        env.putAll(options.extraEnv());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Kills one service the hard way (SIGKILL: no shutdown hook, requests in flight are cut, as when a node dies) and
     * waits until the process is gone. {@link #revive} brings it back.
     */
    public synchronized void kill(String name) {
        end(name, true);
    }

    /**
     * Stops one service the clean way (SIGTERM: its shutdown runs, so queued audit events are written) and waits
     * until the process is gone. {@link #revive} brings it back.
     */
    public synchronized void stop(String name) {
        end(name, false);
    }

    private void end(String name, boolean forcibly) {
        Process p = processes.get(indexOf(name));
        if (forcibly) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(forcibly ? 20 : 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Starts a service that was killed again, on its port and with its environment, and waits until it is ready.
     * State lives in PostgreSQL, so nothing a user or client was in the middle of is lost.
     */
    public synchronized void revive(String name, Duration timeout) {
        int i = indexOf(name);
        if (processes.get(i).isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        processes.set(i, launch(name, services.get(i).port(), true));
        awaitReady(services.get(i), processes.get(i), timeout);
    }

    /** {@link #kill} then {@link #revive}. */
    public void restart(String name, Duration timeout) {
        kill(name);
        revive(name, timeout);
    }

    private int indexOf(String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no service " + name);
    }

    /** Waits until every service answers 200 on {@code /q/health/ready}. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (int i = 0; i < services.size(); i++) {
            awaitReady(services.get(i), processes.get(i), Duration.between(Instant.now(), deadline));
        }
    }

    private void awaitReady(Service service, Process process, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (!ready(http, service)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with status " + process.exitValue()
                        + "; see " + options.logDirectory().resolve(service.name() + ".log"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service.name() + " not ready after " + timeout
                        + "; see " + options.logDirectory().resolve(service.name() + ".log"));
            }
            sleep(250);
        }
    }

    private static boolean ready(HttpClient http, Service service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The first service process that has exited, or null while all run. */
    public String exitedService() {
        for (int i = 0; i < processes.size(); i++) {
            if (!processes.get(i).isAlive()) {
                return services.get(i).name();
            }
        }
        return null;
    }

    /** Stops every service: SIGTERM, then a forced kill of whatever is still alive after 20 seconds. */
    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
