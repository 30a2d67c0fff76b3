package io.gatehouse.authorize;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relying party's back-channel logout endpoint (Back-Channel Logout 1.0 section 2.5) on 127.0.0.1: answers the first
 * {@code failures} calls with 503, then 200, and keeps the logout tokens it accepted. Optionally holds every call until
 * {@link #release()}.
 */
final class LogoutReceiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final CountDownLatch released;

    LogoutReceiver(int failures, boolean held) throws IOException {
        released = new CountDownLatch(held ? 1 : 0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/backchannel-logout", exchange -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = calls.incrementAndGet();
            int status = n <= failures || !"POST".equals(exchange.getRequestMethod()) ? 503 : 200;
            if (status == 200) {
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                accepted.add(URLDecoder.decode(body.substring(body.indexOf("logout_token=") + "logout_token=".length()), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel-logout";
    }

    int calls() {
        return calls.get();
    }

    List<String> accepted() {
        return List.copyOf(accepted);
    }

    List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    void release() {
        released.countDown();
    }

    /** Waits (bounded) until {@code count} tokens were accepted; the worker delivers on its own schedule. */
    List<String> awaitAccepted(int count) throws InterruptedException {
        for (int i = 0; i < 600 && accepted.size() < count; i++) {
            Thread.sleep(50);
        }
        return accepted();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
