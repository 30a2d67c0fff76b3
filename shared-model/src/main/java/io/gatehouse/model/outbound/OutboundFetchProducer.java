package io.gatehouse.model.outbound;

import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The {@link OutboundFetch} of a service: system resolver, default TLS, refusing to run in a transaction, each call a
 * client span.
 */
public class OutboundFetchProducer {

    @Produces
    @Singleton
    OutboundFetch outboundFetch(Tracer tracer) {
        return new TracedOutboundFetch(SocketOutboundFetch.standard(QuarkusTransaction::isActive), tracer);
    }
}
