package io.gatehouse.e2e.ldap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real OpenLDAP server for the end-to-end tests (Debian's {@code slapd}, installed by {@code .ci/run}): one mdb
 * database under {@code dc=gatehouse,dc=test}, loaded with {@code slapadd} from {@code ldap/directory.ldif}, the
 * ppolicy overlay (so {@code pwdAccountLockedTime} exists), listening on 127.0.0.1 only. It can be stopped and started
 * again on the same port and data, as a directory outage.
 */
final class Slapd implements AutoCloseable {

    static final String SUFFIX = "dc=gatehouse,dc=test";
    static final String ROOT_DN = "cn=admin," + SUFFIX;
    static final String ROOT_PASSWORD = "admin-secret-for-tests";
    static final Path SCHEMA = Path.of("/etc/ldap/schema");
    static final Path MODULES = Path.of("/usr/lib/ldap");

    private final Path dir;
    private final int port;
    private Process process;

    /** The slapd binary, when the package is installed. */
    static Optional<Path> find() {
        for (String candidate : List.of("/usr/sbin/slapd", "/usr/local/sbin/slapd")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p) && Files.isDirectory(SCHEMA) && Files.isDirectory(MODULES)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    Slapd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** Writes the configuration, loads the entries and starts the server. */
    void create(Path ldif) throws Exception {
        Path data = dir.resolve("data");
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(data);
        Files.writeString(config(), String.join("\n",
                "include " + SCHEMA.resolve("core.schema"),
                "include " + SCHEMA.resolve("cosine.schema"),
                "include " + SCHEMA.resolve("inetorgperson.schema"),
                "include " + SCHEMA.resolve("nis.schema"),
                "modulepath " + MODULES,
                "moduleload back_mdb",
                "moduleload ppolicy",
                "pidfile " + dir.resolve("slapd.pid"),
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + data,
                "overlay ppolicy",
                ""));
        run(List.of(find().orElseThrow().getParent().resolve("slapadd").toString(), "-f", config().toString(), "-l", ldif.toString()));
        start();
    }

    private Path config() {
        return dir.resolve("slapd.conf");
    }

    /** Starts the server (in the foreground: {@code -d 0}) and waits until it accepts connections. */
    void start() throws Exception {
        process = new ProcessBuilder(find().orElseThrow().toString(), "-f", config().toString(), "-h", url() + "/", "-d", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("slapd exited: " + Files.readString(dir.resolve("slapd.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("slapd did not listen on " + port);
    }

    /** Stops the server (the directory outage); {@link #start} brings it back with its data. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
