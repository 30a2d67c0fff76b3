package io.gatehouse.model.outbound;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.util.Map;

/**
 * An {@link OutboundFetch} that records each call as a client span ({@code GET jwks_uri}, {@code POST
 * backchannel_logout_uri}...) with the method, the purpose and the host only: never the path or query, which may carry
 * a request object's or a client's secrets, and never a body (a logout token). No trace headers are sent out: the
 * documents fetched belong to relying parties, not to the operator's trace.
 */
public final class TracedOutboundFetch implements OutboundFetch {

    private final OutboundFetch delegate;
    private final Tracer tracer;

    public TracedOutboundFetch(OutboundFetch delegate, Tracer tracer) {
        this.delegate = delegate;
        this.tracer = tracer;
    }

    @Override
    public byte[] fetch(URI uri, Purpose purpose) throws FetchFailed {
        return traced("GET", uri, purpose, () -> delegate.fetch(uri, purpose));
    }

    @Override
    public Map<String, Object> fetchJson(URI uri, Purpose purpose) throws FetchFailed {
        return traced("GET", uri, purpose, () -> delegate.fetchJson(uri, purpose));
    }

    @Override
    public Response postForm(URI uri, Purpose purpose, String form) throws FetchFailed {
        return traced("POST", uri, purpose, () -> delegate.postForm(uri, purpose, form));
    }

    private interface Call<T> {
        T run() throws FetchFailed;
    }

    private <T> T traced(String method, URI uri, Purpose purpose, Call<T> call) throws FetchFailed {
        Span span = tracer.spanBuilder(method + " " + purpose.name())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", method)
                .setAttribute("server.address", String.valueOf(uri.getHost()))
                .setAttribute("gatehouse.outbound.purpose", purpose.name())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            T result = call.run();
            if (result instanceof Response r) {
                span.setAttribute("http.response.status_code", r.status());
            }
            return result;
        } catch (FetchFailed | RuntimeException e) {
            span.setStatus(StatusCode.ERROR, "fetch failed");
            throw e;
        } finally {
            span.end();
        }
    }
}
