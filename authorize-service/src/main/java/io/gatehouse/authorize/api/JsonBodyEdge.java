package io.gatehouse.authorize.api;

import io.gatehouse.model.error.RequestFraming;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a registration or admin request whose declared Content-Length exceeds {@code gatehouse.api.max-body-bytes}
 * with 413 (RFC 9110 15.5.14) without keeping any of it: up to {@link #DRAIN_LIMIT} the body is read and dropped, so
 * the client, still sending, reads the answer instead of a reset connection; beyond that the connection is closed
 * after the answer, as the HTTP layer does past its own limit. A chunked body is measured once read
 * ({@link JsonDocumentLimits#bodyViolation}).
 */
@ApplicationScoped
public class JsonBodyEdge {

    /** Declared bodies up to this size are drained before the 413; larger ones are answered at once. */
    static final long DRAIN_LIMIT = 1024 * 1024;

    void install(@Observes Router router, JsonApiConfig config) {
        JsonDocumentLimits limits = JsonDocumentLimits.of(config);
        byte[] body = ("{\"error\":\"invalid_request\",\"error_description\":\"" + limits.tooLarge() + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        for (String path : new String[] {"/register*", "/admin/*"}) {
            router.route(path).order(Integer.MIN_VALUE + 1).handler(rc -> {
                String declared = rc.request().getHeader("Content-Length");
                if (!limits.exceedsDeclared(declared)) {
                    rc.next();
                } else if (rc.request().isEnded() || !JsonDocumentLimits.exceedsDeclared(DRAIN_LIMIT, declared)) {
                    drainThenRefuse(rc, body);
                } else {
                    refuse(rc, body, true);
                }
            });
        }
    }

    private static void drainThenRefuse(RoutingContext rc, byte[] body) {
        HttpServerRequest request = rc.request();
        if (request.isEnded()) {
            refuse(rc, body, false);
            return;
        }
        request.handler(dropped -> {
        });
        request.endHandler(done -> refuse(rc, body, false));
        request.resume();
    }

    private static void refuse(RoutingContext rc, byte[] body, boolean close) {
        if (close) {
            RequestFraming.answer(rc, 413, body);
        } else if (!rc.response().ended()) {
            rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(body));
        }
    }
}
