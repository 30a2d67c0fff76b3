package io.gatehouse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local nginx in front of the service replicas, playing the Kubernetes Ingress: one upstream per service
 * (round robin over its replicas) and the locations of {@code deploy/local/nginx/gatehouse-routes.conf}, which
 * the deploy module's tests generate from the capability registry, like the Ingress. Paths outside the routing
 * table get 404 (as {@code /q/health} and {@code /q/metrics} do behind the Ingress). Every response carries
 * {@value #UPSTREAM_HEADER} with the replica that answered, so tests can see where each request landed.
 */
public final class LocalIngress implements AutoCloseable {

    /** Response header naming the replica ({@code 127.0.0.1:port}) that served the request. */
    public static final String UPSTREAM_HEADER = "X-Gatehouse-Upstream";
    /** The routing table, relative to the repository root. */
    public static final String ROUTES = "deploy/local/nginx/gatehouse-routes.conf";

    private final Process process;
    private final int port;
    private final Path directory;

    private LocalIngress(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** The nginx binary: {@code GATEHOUSE_NGINX}, {@code nginx} on the PATH, or the usual sbin locations. */
    public static Optional<Path> findNginx() {
        String configured = System.getenv("GATEHOUSE_NGINX");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
                return Optional.of(Path.of(dir, "nginx"));
            }
        }
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx", "/opt/homebrew/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    public static final String INSTALL_HINT = "nginx is not installed. On Debian or Ubuntu: "
            + "sudo apt-get update && sudo apt-get install -y nginx-light (or nginx); "
            + "or point GATEHOUSE_NGINX at an nginx binary.";

    /**
     * Starts nginx on {@code 127.0.0.1:port} with its configuration, logs, pid and temporary files in
     * {@code directory}. {@code upstreams} maps each service name to the ports of its replicas.
     */
    public static LocalIngress start(Path nginx, Path directory, int port, Map<String, List<Integer>> upstreams, Path routes) {
        if (!Files.isRegularFile(routes)) {
            throw new IllegalStateException("routing table missing: " + routes);
        }
        try {
            Files.createDirectories(directory);
            Path conf = directory.resolve("nginx.conf");
            Files.writeString(conf, configuration(directory, port, upstreams, routes));
            Process p = new ProcessBuilder(nginx.toString(), "-p", directory.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nginx.out").toFile())
                    .start();
            return new LocalIngress(p, port, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start nginx " + nginx, e);
        }
    }

    /** The nginx configuration: process settings, one upstream per service, the server including the routes. */
    static String configuration(Path dir, int port, Map<String, List<Integer>> upstreams, Path routes) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by io.gatehouse.launcher.LocalIngress; the routes come from ").append(ROUTES).append(".\n");
        // One worker: its round robin then alternates strictly between the replicas.
        b.append("worker_processes 1;\n");
        b.append("daemon off;\n");
        b.append("pid ").append(dir.resolve("nginx.pid")).append(";\n");
        b.append("error_log ").append(dir.resolve("error.log")).append(" warn;\n");
        b.append("events { worker_connections 1024; }\n");
        b.append("http {\n");
        b.append("  log_format upstream '$remote_addr [$time_local] \"$request\" $status -> $upstream_addr ($upstream_status) $request_time s';\n");
        b.append("  access_log ").append(dir.resolve("access.log")).append(" upstream;\n");
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            b.append("  ").append(temp).append("_temp_path ").append(dir.resolve("temp-" + temp)).append(";\n");
        }
        b.append("  server_tokens off;\n");
        upstreams.forEach((service, ports) -> {
            b.append("  upstream ").append(service).append(" {\n");
            for (int p : ports) {
                b.append("    server 127.0.0.1:").append(p).append(";\n");
            }
            b.append("    keepalive 16;\n");
            b.append("  }\n");
        });
        b.append("  server {\n");
        b.append("    listen 127.0.0.1:").append(port).append(";\n");
        b.append("    server_name localhost;\n");
        b.append("    add_header ").append(UPSTREAM_HEADER).append(" $upstream_addr always;\n");
        b.append("    proxy_http_version 1.1;\n");
        b.append("    proxy_set_header Connection \"\";\n");
        b.append("    proxy_set_header Host $http_host;\n");
        b.append("    proxy_set_header X-Forwarded-For $remote_addr;\n");
        b.append("    proxy_set_header X-Forwarded-Proto $scheme;\n");
        b.append("    proxy_set_header X-Forwarded-Host $http_host;\n");
        b.append("    proxy_redirect off;\n");
        b.append("    include ").append(routes.toAbsolutePath()).append(";\n");
        b.append("    location / { return 404; }\n");
        b.append("  }\n");
        b.append("}\n");
        return b.toString();
    }

    public int port() {
        return port;
    }

    /** The ingress's base URL, which is the issuer. */
    public String url() {
        return "http://localhost:" + port;
    }

    public Path directory() {
        return directory;
    }

    /** Waits until nginx accepts connections; fails at once when it exited (configuration error). */
    public void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with status " + process.exitValue() + ": " + output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("nginx not listening on " + port + " after " + timeout + ": " + output());
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String output() {
        try {
            String out = Files.readString(directory.resolve("nginx.out"));
            Path log = directory.resolve("error.log");
            return out + (Files.isRegularFile(log) ? Files.readString(log) : "");
        } catch (IOException e) {
            return "(no output)";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (nginx's fast shutdown), then a forced kill after ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
