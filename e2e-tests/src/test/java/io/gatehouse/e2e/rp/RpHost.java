package io.gatehouse.e2e.rp;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relying party's own web server on 127.0.0.1, for the documents an OP fetches from it: a {@code jwks_uri}, a
 * {@code sector_identifier_uri} (over https), a {@code request_uri}. Documents can be replaced while it runs (key
 * rotation); every request is counted per path.
 */
public final class RpHost implements AutoCloseable {

    private record Document(String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final String scheme;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    private RpHost(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Document d = documents.get(path);
            if (d == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", d.contentType());
                exchange.sendResponseHeaders(200, d.body().length);
                exchange.getResponseBody().write(d.body());
            }
            exchange.close();
        });
        server.start();
    }

    /** A plain-http host (jwks_uri and request_uri on loopback; the suite allows internal addresses). */
    public static RpHost http() {
        try {
            return new RpHost(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An https host with the certificate the services trust ({@link RpTls}). */
    public static RpHost https() {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(RpTls.serverContext()));
            return new RpHost(server, "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code body} at {@code path} (replacing what was there) and returns its URL. */
    public String publish(String path, String contentType, String body) {
        documents.put(path, new Document(contentType, body.getBytes(StandardCharsets.UTF_8)));
        return url(path);
    }

    public String url(String path) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How often {@code path} was requested. */
    public int fetches(String path) {
        AtomicInteger n = fetches.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
