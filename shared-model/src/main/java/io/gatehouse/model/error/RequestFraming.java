package io.gatehouse.model.error;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;

/**
 * The framing of a request, checked once at the edge of every service before any framework parser sees it (issue
 * 16.2, 16.3), so that broken framing is a 4xx with a JSON error and never a 500 or a connection closed without a
 * word:
 * <ul>
 * <li>a {@code Content-Type} that is not a media type (RFC 9110 8.3.1) is 400 {@code invalid_request};</li>
 * <li>a chunked body whose framing is broken (RFC 9112 7.1: a chunk size that is not hex, a chunk without its CRLF)
 * is 400 {@code invalid_request}; Vert.x, left to itself, closes such a connection without an answer;</li>
 * <li>a body that does not complete within {@code gatehouse.http.body-timeout} (a truncated last chunk, a
 * Content-Length never reached, a client trickling bytes) is 408 (RFC 9110 15.5.9).</li>
 * </ul>
 * The chunk check sits in each HTTP/1.1 connection's Netty pipeline between the HTTP decoder and Vert.x, where the
 * decoder's verdict on each piece of content is still visible; the first request of a connection installs it before
 * its body is decoded. HTTP/2 has no chunked framing.
 */
@ApplicationScoped
public class RequestFraming {

    static final String NAME = "gatehouse-request-framing";
    /** The name Vert.x gives its HTTP/1.x connection handler in the pipeline. */
    static final String VERTX_HANDLER = "handler";

    static final byte[] BAD_CHUNKS = error("the request body's chunked framing is malformed");
    static final byte[] BAD_CONTENT_TYPE = error("the Content-Type header is malformed");
    static final byte[] TOO_SLOW = error("the request body was not received in time");

    void install(@Observes Router router, Vertx vertx, HttpBodyConfig config) {
        long timeout = Math.max(1, config.bodyTimeout().toMillis());
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            HttpServerRequest request = rc.request();
            String type = request.getHeader("Content-Type");
            if (type != null && !MediaTypeSyntax.isValid(type)) {
                answer(rc, 400, BAD_CONTENT_TYPE);
                return;
            }
            if (!request.isEnded() && hasBody(request)) {
                guardChunks(rc);
                long timer = vertx.setTimer(timeout, t -> {
                    if (!request.isEnded()) {
                        answer(rc, 408, TOO_SLOW);
                    }
                });
                // An answer given before the body is in (a 405, a 401) leaves the timer running: the connection still
                // waits for the rest of that body and is closed if it never comes.
                rc.addEndHandler(v -> {
                    if (request.isEnded()) {
                        vertx.cancelTimer(timer);
                    }
                });
            }
            rc.next();
        });
    }

    /** Answers now and closes the connection: the rest of what the client sends cannot be trusted to frame a request. */
    public static void answer(RoutingContext rc, int status, byte[] body) {
        HttpServerResponse response = rc.response();
        if (response.headWritten() || response.closed()) {
            rc.request().connection().close();
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .putHeader("Connection", "close").end(Buffer.buffer(body)).onComplete(done -> rc.request().connection().close());
    }

    static void guardChunks(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.version() == HttpVersion.HTTP_2 || request.getHeader("Transfer-Encoding") == null
                || !(request.connection() instanceof ConnectionBase c)) {
            return;
        }
        ChannelPipeline pipeline = c.channelHandlerContext().pipeline();
        ChunkGuard guard = (ChunkGuard) pipeline.get(NAME);
        if (guard == null && pipeline.get(VERTX_HANDLER) != null) {
            guard = new ChunkGuard();
            pipeline.addBefore(VERTX_HANDLER, NAME, guard);
        }
        if (guard != null) {
            guard.current = rc;
        }
    }

    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !length.equals("0"));
    }

    private static byte[] error(String description) {
        return ("{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    /** Passes everything on, except content the decoder could not frame: that is answered here and the connection closed. */
    static final class ChunkGuard extends ChannelInboundHandlerAdapter {

        /** The request in progress on this connection; confined to the connection's event loop. */
        RoutingContext current;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof HttpContent content) || content.decoderResult().isSuccess()) {
                ctx.fireChannelRead(msg);
                return;
            }
            ReferenceCountUtil.release(msg);
            if (current != null && current.response().headWritten()) {
                // An answer (a 405, a 401) has begun already: let it finish, then close, since the rest of this
                // connection's bytes cannot be framed. Vert.x defers its flush to the end of the read: flush first.
                if (current.response().ended()) {
                    flushAndClose(ctx);
                } else {
                    current.addEndHandler(done -> flushAndClose(ctx));
                }
                return;
            }
            FullHttpResponse answer = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                    HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(BAD_CHUNKS));
            answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").set(HttpHeaderNames.CONTENT_LENGTH, BAD_CHUNKS.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store").set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        }

        private static void flushAndClose(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
