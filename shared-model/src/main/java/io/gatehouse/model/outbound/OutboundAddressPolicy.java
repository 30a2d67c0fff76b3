package io.gatehouse.model.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where Gatehouse may send requests of its own: http(s) only, and unless allowed, never to an address inside the
 * network (RFC 9700 4.16 style server-side request forgery protection). {@link #isInternal} is what
 * {@link OutboundFetch} enforces on the address it connects to; {@link #rejection} resolves the name itself and so
 * is only an early answer (at registration, say), never the protection: DNS may answer differently at connect time.
 */
public final class OutboundAddressPolicy {

    private final boolean allowInternal;

    public OutboundAddressPolicy(boolean allowInternal) {
        this.allowInternal = allowInternal;
    }

    /** Null when {@code uri} may be called; otherwise why not. */
    public String rejection(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return "not a URI";
        }
        String scheme = parsed.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            return "scheme must be http or https";
        }
        if (parsed.getHost() == null) {
            return "no host";
        }
        if (allowInternal) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(parsed.getHost())) {
                if (isInternal(address)) {
                    return "host resolves to an internal address";
                }
            }
        } catch (UnknownHostException e) {
            return "unknown host";
        }
        return null;
    }

    public static boolean isInternal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)); // benchmarking
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
