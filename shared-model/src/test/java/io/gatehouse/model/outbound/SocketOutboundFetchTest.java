package io.gatehouse.model.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one outbound HTTP client (issue 16.5-16.6): policy at connect time, deadlines, size cap, no redirects. */
class SocketOutboundFetchTest {

    static final OutboundFetch.Limits LIMITS = new OutboundFetch.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024);
    static final OutboundFetch.Purpose INTERNAL_OK = new OutboundFetch.Purpose("test", "application/json", LIMITS, true);
    static final OutboundFetch.Purpose PUBLIC_ONLY = new OutboundFetch.Purpose("test", "application/json", LIMITS, false);

    HttpServer server;
    int port;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/doc", x -> {
            byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/big", x -> {
            x.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = x.getResponseBody()) {
                out.write(new byte[4096]);
            }
        });
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/doc");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/form", x -> {
            byte[] in = x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(204, -1);
            x.close();
            assertEquals("logout_token=t", new String(in, StandardCharsets.UTF_8));
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static SocketOutboundFetch fetcher() {
        return SocketOutboundFetch.standard(() -> false);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void fetchesABoundedDocument() throws Exception {
        assertArrayEquals("{\"keys\":[]}".getBytes(StandardCharsets.UTF_8), fetcher().fetch(uri("/doc"), INTERNAL_OK));
        assertEquals(List.of(), fetcher().fetchJson(uri("/doc"), INTERNAL_OK).get("keys"));
        assertEquals(204, fetcher().postForm(uri("/form"), INTERNAL_OK, "logout_token=t").status());
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        assertThrows(OutboundFetch.FetchFailed.class, () -> fetcher().fetch(uri("/big"), INTERNAL_OK));
    }

    @Test
    void redirectsAreNotFollowed() {
        assertThrows(OutboundFetch.FetchFailed.class, () -> fetcher().fetch(uri("/moved"), INTERNAL_OK));
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        assertThrows(OutboundFetch.FetchFailed.class, () -> fetcher().fetch(uri("/doc"), PUBLIC_ONLY));
        assertThrows(OutboundFetch.FetchFailed.class, () -> fetcher().fetch(URI.create("http://localhost:" + port + "/doc"), PUBLIC_ONLY));
        assertThrows(OutboundFetch.FetchFailed.class, () -> fetcher().fetch(URI.create("file:///etc/passwd"), INTERNAL_OK));
    }

    /** DNS rebinding: the host is resolved once; the socket goes to exactly the address that was checked. */
    @Test
    void theAddressCheckedIsTheAddressConnectedTo() throws Exception {
        InetAddress looksPublic = InetAddress.getByAddress("rp.example", new byte[] {93, (byte) 184, (byte) 216, 34});
        InetAddress internal = InetAddress.getByAddress("rp.example", new byte[] {127, 0, 0, 1});
        AtomicInteger lookups = new AtomicInteger();
        List<InetSocketAddress> connected = new CopyOnWriteArrayList<>();
        // The first answer is public, every later one internal: a client that resolved again to connect would reach 127.0.0.1.
        SocketOutboundFetch.Resolver rebinding = host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? looksPublic : internal};
        SocketOutboundFetch.Connector recording = (address, timeout) -> {
            connected.add(address);
            Socket s = new Socket() { // the local server stands in for the public one it was asked to reach
                @Override
                public InetAddress getInetAddress() {
                    return address.getAddress();
                }
            };
            s.connect(new InetSocketAddress("127.0.0.1", port), timeout);
            return s;
        };
        SocketOutboundFetch fetch = new SocketOutboundFetch(rebinding, recording, (SSLSocketFactory) SSLSocketFactory.getDefault(), () -> false);
        fetch.fetch(URI.create("http://rp.example:" + port + "/doc"), PUBLIC_ONLY);
        assertEquals(1, lookups.get(), "resolved once");
        assertEquals(List.of(new InetSocketAddress(looksPublic, port)), connected, "connected to the checked address");

        SocketOutboundFetch internalFirst = new SocketOutboundFetch(host -> new InetAddress[] {looksPublic, internal}, recording,
                (SSLSocketFactory) SSLSocketFactory.getDefault(), () -> false);
        connected.clear();
        assertThrows(OutboundFetch.FetchFailed.class, () -> internalFirst.fetch(URI.create("http://rp.example:" + port + "/doc"), PUBLIC_ONLY));
        assertTrue(connected.isEmpty(), "a host with any internal address is not connected to at all");
    }

    /** A server that answers one byte at a time cannot hold the caller past the deadline. */
    @Test
    void aTricklingServerMeetsTheDeadline() throws Exception {
        try (ServerSocket trickle = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = trickle.accept()) {
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 100; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(200); // 20 s for the whole body
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up, as it must
                }
            });
            t.setDaemon(true);
            t.start();
            OutboundFetch.FetchFailed e = assertThrows(OutboundFetch.FetchFailed.class,
                    () -> fetcher().fetch(URI.create("http://127.0.0.1:" + trickle.getLocalPort() + "/slow"), INTERNAL_OK));
            assertFalse(e.getMessage().contains(String.valueOf(trickle.getLocalPort())), "the caller's error names no port");
            assertEquals("the document could not be fetched", e.getMessage(), "one generic error for the caller");
        }
    }

    @Test
    void neverInsideADatabaseTransaction() {
        SocketOutboundFetch inTransaction = SocketOutboundFetch.standard(() -> true);
        assertThrows(IllegalStateException.class, () -> inTransaction.fetch(uri("/doc"), INTERNAL_OK));
    }
}
