package io.gatehouse.model.outbound;

import java.net.InetAddress;

/**
 * Which addresses Gatehouse's own requests may not reach unless allowed (RFC 9700 4.16 style server-side request
 * forgery protection): loopback, unspecified, link-local, private, multicast, carrier-grade NAT, benchmarking and
 * IPv6 unique local addresses. {@link OutboundFetch} applies it to the address it actually connects to.
 */
public final class OutboundAddressPolicy {

    private OutboundAddressPolicy() {
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
