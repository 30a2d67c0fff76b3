package io.gatehouse.model.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Keeps the names of query parameters in HTTP spans and drops their values: a query may carry an
 * {@code id_token_hint}, a {@code request} object, a {@code login_hint} or a user code, none of which belongs in a
 * trace. The HTTP instrumentation records {@code url.query} as it starts the span, so this runs at start, before any
 * exporter sees it. Picked up by Quarkus as a CDI {@link SpanProcessor}.
 */
@ApplicationScoped
public class QueryValuesRedaction implements SpanProcessor {

    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, parameterNames(query));
        }
        String full = span.getAttribute(URL_FULL);
        if (full != null && full.indexOf('?') >= 0) {
            int q = full.indexOf('?');
            span.setAttribute(URL_FULL, full.substring(0, q + 1) + parameterNames(full.substring(q + 1)));
        }
    }

    /** {@code a=1&b=2&c} becomes {@code a&b&c}: the names, in order, without values (a fragment is dropped). */
    static String parameterNames(String query) {
        int hash = query.indexOf('#');
        String q = hash >= 0 ? query.substring(0, hash) : query;
        return Arrays.stream(q.split("&"))
                .filter(p -> !p.isEmpty())
                .map(p -> p.indexOf('=') >= 0 ? p.substring(0, p.indexOf('=')) : p)
                .collect(Collectors.joining("&"));
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
