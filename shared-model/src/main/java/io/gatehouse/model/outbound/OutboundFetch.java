package io.gatehouse.model.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The one way Gatehouse calls out (request_uri, jwks_uri, sector_identifier_uri, back-channel logout). An
 * implementation never runs inside a database transaction, bounds the call by a connect timeout and a total deadline
 * (a slowly trickling body included), caps the body, follows no redirect, and applies the server-side request forgery
 * policy to the address it actually connects to (RFC 9700 4.16). Every failure is one {@link FetchFailed} whose
 * message is generic, for callers to show; the details (status, address, port) go to the log only. Injected as a CDI
 * bean ({@link OutboundFetchProducer}); {@link SocketOutboundFetch} is the implementation.
 *
 * <p>Typical use, e.g. a sector_identifier_uri document:
 * <pre>{@code
 * Map<String, Object> doc = outbound.fetchJson(uri,
 *         new Purpose("sector_identifier_uri", "application/json", limits, allowInternal));
 * }</pre>
 */
public interface OutboundFetch {

    /** GET {@code uri}; the body of a 200 answer, anything else fails. */
    byte[] fetch(URI uri, Purpose purpose) throws FetchFailed;

    /** GET {@code uri}; the JSON object of a 200 answer, anything else fails. */
    Map<String, Object> fetchJson(URI uri, Purpose purpose) throws FetchFailed;

    /** POST a form body to {@code uri}; the response, whatever its status. */
    Response postForm(URI uri, Purpose purpose, String form) throws FetchFailed;

    /** How long and how much: connect timeout, deadline of the whole exchange, largest body accepted. */
    record Limits(Duration connectTimeout, Duration deadline, int maxBytes) {
    }

    /**
     * What a fetch is for: a name for the log ({@code jwks_uri}, ...), the Accept header (or null), the limits and
     * whether internal (loopback, private, link-local...) addresses may be called.
     */
    record Purpose(String name, String accept, Limits limits, boolean allowInternal) {
    }

    /** A response: its status and (capped) body. */
    record Response(int status, byte[] body) {
    }

    /** A failed fetch. Its message is generic on purpose (no remote status, port or address); see the log. */
    final class FetchFailed extends Exception {
        public FetchFailed() {
            super("the document could not be fetched");
        }
    }
}
