package io.gatehouse.model.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.logging.Logger;

/**
 * The {@link OutboundFetch} of every service: a minimal HTTP/1.1 client over a socket so that the server-side request
 * forgery policy is enforced on the address actually connected to (RFC 9700 4.16, RFC 9101 10.4.1). The host is
 * resolved once, every resolved address is checked ({@link OutboundAddressPolicy}), and the socket connects to exactly
 * a checked {@link InetAddress} (so a DNS answer that changes between check and connect, "rebinding", changes nothing);
 * the Host header and, for https, SNI and certificate verification keep the host name. No redirect is followed, the
 * connect timeout and a total deadline (covering a slowly trickling body) bound the call, and the body is capped.
 * Refuses to run inside a database transaction, so that a slow remote server can never hold a pooled connection.
 */
public final class SocketOutboundFetch implements OutboundFetch {

    private static final Logger LOG = Logger.getLogger(SocketOutboundFetch.class);
    private static final int MAX_LINE_BYTES = 8 * 1024;
    private static final int MAX_LINES = 10_000;

    /** Name resolution (replaceable in tests to simulate DNS rebinding). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Opens a TCP connection to exactly {@code address}. */
    @FunctionalInterface
    public interface Connector {
        Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException;
    }

    private final Resolver resolver;
    private final Connector connector;
    private final java.util.function.Supplier<SSLSocketFactory> tls;
    private final BooleanSupplier inTransaction;

    public SocketOutboundFetch(Resolver resolver, Connector connector, SSLSocketFactory tls, BooleanSupplier inTransaction) {
        this(resolver, connector, () -> tls, inTransaction);
    }

    private SocketOutboundFetch(Resolver resolver, Connector connector, java.util.function.Supplier<SSLSocketFactory> tls,
                                BooleanSupplier inTransaction) {
        this.resolver = resolver;
        this.connector = connector;
        this.tls = tls;
        this.inTransaction = inTransaction;
    }

    /** The system resolver, plain sockets, the default TLS context of the moment of each connection. */
    public static SocketOutboundFetch standard(BooleanSupplier inTransaction) {
        return new SocketOutboundFetch(InetAddress::getAllByName, SocketOutboundFetch::plainConnect,
                SocketOutboundFetch::defaultTls, inTransaction);
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return javax.net.ssl.SSLContext.getDefault().getSocketFactory();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    @Override
    public byte[] fetch(URI uri, Purpose purpose) throws FetchFailed {
        Response r = exchange("GET", uri, purpose, null, null);
        if (r.status() != 200) {
            throw failed(purpose, uri, "answered HTTP " + r.status());
        }
        return r.body();
    }

    @Override
    public java.util.Map<String, Object> fetchJson(URI uri, Purpose purpose) throws FetchFailed {
        java.util.Map<String, Object> json = io.gatehouse.model.jose.Json.readObject(fetch(uri, purpose));
        if (json == null) {
            throw failed(purpose, uri, "did not answer a JSON object");
        }
        return json;
    }

    @Override
    public Response postForm(URI uri, Purpose purpose, String form) throws FetchFailed {
        return exchange("POST", uri, purpose, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private Response exchange(String method, URI uri, Purpose purpose, String contentType, byte[] body) throws FetchFailed {
        if (inTransaction.getAsBoolean()) {
            // A design rule, not a remote failure: fetching here would pin a pooled connection to a remote server.
            throw new IllegalStateException("outbound " + purpose.name() + " fetch inside a database transaction");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw failed(purpose, uri, "scheme is not http or https");
        }
        String host = uri.getHost();
        if (host == null) {
            throw failed(purpose, uri, "has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() < 0 ? (https ? 443 : 80) : uri.getPort();
        long deadline = System.nanoTime() + purpose.limits().deadline().toNanos();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw failed(purpose, uri, "unknown host");
        }
        if (addresses == null || addresses.length == 0) {
            throw failed(purpose, uri, "unknown host");
        }
        for (InetAddress a : addresses) {
            if (!purpose.allowInternal() && OutboundAddressPolicy.isInternal(a)) {
                throw failed(purpose, uri, "resolves to the internal address " + a.getHostAddress());
            }
        }
        try (Socket socket = connect(addresses, port, purpose, deadline)) {
            // The policy on the address connected to: the socket is bound to a checked address, checked once more.
            if (!purpose.allowInternal() && OutboundAddressPolicy.isInternal(socket.getInetAddress())) {
                throw failed(purpose, uri, "connected to an internal address");
            }
            Socket channel = https ? secure(socket, host, port) : socket;
            DeadlineInput in = new DeadlineInput(channel, deadline);
            write(channel.getOutputStream(), method, uri, host, port, https, purpose.accept(), contentType, body);
            return read(in, purpose.limits().maxBytes(), purpose, uri);
        } catch (SocketTimeoutException e) {
            throw failed(purpose, uri, "timed out");
        } catch (IOException e) {
            throw failed(purpose, uri, e.toString());
        }
    }

    private Socket connect(InetAddress[] addresses, int port, Purpose purpose, long deadline) throws IOException {
        IOException last = null;
        for (InetAddress a : addresses) {
            int timeout = (int) Math.min(purpose.limits().connectTimeout().toMillis(), remainingMillis(deadline));
            if (timeout <= 0) {
                throw new SocketTimeoutException("deadline passed while connecting");
            }
            try {
                return connector.connect(new InetSocketAddress(a, port), timeout);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Socket plainConnect(InetSocketAddress address, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** TLS over the connected socket, the certificate verified against the host name (RFC 9110 4.3.4, RFC 6066 3). */
    private Socket secure(Socket socket, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.get().createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.contains(":") && !host.matches("[0-9.]+")) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static void write(OutputStream out, String method, URI uri, String host, int port, boolean https, String accept,
            String contentType, byte[] body) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String hostHeader = host.contains(":") ? "[" + host + "]" : host;
        if (port != (https ? 443 : 80)) {
            hostHeader += ":" + port;
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("User-Agent: Gatehouse\r\n")
                .append("Connection: close\r\n")
                .append("Cache-Control: no-store\r\n");
        if (accept != null) {
            head.append("Accept: ").append(accept).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private Response read(DeadlineInput in, int maxBytes, Purpose purpose, URI uri) throws IOException, FetchFailed {
        String statusLine = in.line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw failed(purpose, uri, "answered no HTTP/1.x status line");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw failed(purpose, uri, "answered a malformed status");
        }
        long length = -1;
        boolean chunked = false;
        for (String line = in.line(); !line.isEmpty(); line = in.line()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw failed(purpose, uri, "answered a malformed Content-Length");
                }
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (status >= 300 && status < 400) {
            throw failed(purpose, uri, "answered a redirect (HTTP " + status + "), which is not followed");
        }
        if (length > maxBytes) {
            throw failed(purpose, uri, "announced a body larger than " + maxBytes + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String sizeLine = in.line();
                int semicolon = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw failed(purpose, uri, "answered a malformed chunk");
                }
                if (size == 0) {
                    break;
                }
                if (out.size() + size > maxBytes) {
                    throw failed(purpose, uri, "answered a body larger than " + maxBytes + " bytes");
                }
                copy(in, out, size, purpose, uri);
                in.line();
            }
        } else if (length >= 0) {
            copy(in, out, length, purpose, uri);
        } else {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer, 0, buffer.length); n >= 0; n = in.read(buffer, 0, buffer.length)) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw failed(purpose, uri, "answered a body larger than " + maxBytes + " bytes");
                }
            }
        }
        return new Response(status, out.toByteArray());
    }

    private void copy(DeadlineInput in, ByteArrayOutputStream out, long count, Purpose purpose, URI uri)
            throws IOException, FetchFailed {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw failed(purpose, uri, "closed the connection before the end of the body");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static FetchFailed failed(Purpose purpose, URI uri, String detail) {
        LOG.warnf("outbound %s fetch of %s failed: %s", purpose.name(), uri, detail);
        return new FetchFailed();
    }

    static long remainingMillis(long deadline) {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }

    /** Reads from a socket, each read bounded by what is left of the deadline (a trickling body cannot outlast it). */
    private static final class DeadlineInput {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private int lines;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.deadline = deadline;
        }

        int read(byte[] buffer, int offset, int length) throws IOException {
            long left = remainingMillis(deadline);
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, left)));
            return in.read(buffer, offset, length);
        }

        /** One CRLF-terminated line (headers and chunk sizes), bounded in total size. */
        String line() throws IOException {
            if (++lines > MAX_LINES) {
                throw new IOException("too many header or chunk lines");
            }
            StringBuilder line = new StringBuilder();
            byte[] one = new byte[1];
            while (true) {
                int n = read(one, 0, 1);
                if (n < 0) {
                    throw new IOException("connection closed inside the response head");
                }
                if (line.length() > MAX_LINE_BYTES) {
                    throw new IOException("response line too long");
                }
                if (one[0] == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) (one[0] & 0xff));
            }
        }
    }
}
