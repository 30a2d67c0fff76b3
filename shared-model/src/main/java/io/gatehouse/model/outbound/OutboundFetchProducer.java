package io.gatehouse.model.outbound;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The {@link OutboundFetch} of a service: system resolver, default TLS, refusing to run in a transaction. */
public class OutboundFetchProducer {

    @Produces
    @Singleton
    OutboundFetch outboundFetch() {
        return SocketOutboundFetch.standard(QuarkusTransaction::isActive);
    }
}
