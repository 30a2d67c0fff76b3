package io.gatehouse.e2e.robustness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: request targets no URI class would accept ({@code %zz}, a
 * bare {@code %}), invalid UTF-8 in bodies and headers, repeated and huge headers. Bad input must reach the server
 * exactly as a hostile client sends it, so no HTTP library may "fix" it on the way.
 */
final class RawHttp {

    /** A response: status, headers (names lower-cased, values in order), body. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends one request on a fresh connection. A body over 1 MB is announced with {@code Expect: 100-continue} (RFC
     * 9110 10.1.1), so a server that refuses it by its length answers before the body is sent.
     */
    static Reply send(String baseUrl, String method, String target, List<Map.Entry<String, String>> headers, byte[] body)
            throws IOException {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            for (Map.Entry<String, String> h : headers) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            boolean expect = body != null && body.length > 1_000_000;
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
                if (expect) {
                    head.append("Expect: 100-continue\r\n");
                }
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (body != null) {
                if (expect) {
                    socket.setSoTimeout(3_000); // RFC 9110 10.1.1: a client need not wait long for 100 (Continue)
                    try {
                        Reply interim = read(in, method);
                        if (interim.status() != 100) {
                            return interim;
                        }
                    } catch (java.net.SocketTimeoutException e) {
                        // no interim answer: send the body
                    }
                    socket.setSoTimeout(30_000);
                }
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // The server answered early and closed: its answer is still to be read.
                }
            }
            Reply reply = read(in, method);
            while (reply.status() >= 100 && reply.status() < 200) {
                reply = read(in, method);
            }
            return reply;
        }
    }

    private static Reply read(InputStream in, String method) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed without a response");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        if (status < 200 || status == 204 || status == 304 || method.equals("HEAD")) {
            return new Reply(status, headers, new byte[0]);
        }
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).contains("chunked"))) {
            return new Reply(status, headers, chunked(in));
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            return new Reply(status, headers, in.readNBytes(Integer.parseInt(length.get(0))));
        }
        return new Reply(status, headers, in.readAllBytes());
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                break;
            }
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (true) { // trailers up to the empty line
                    String trailer = line(in);
                    if (trailer == null || trailer.isEmpty()) {
                        break;
                    }
                }
                break;
            }
            out.write(in.readNBytes(n));
            line(in);
        }
        return out.toByteArray();
    }

    /** One line without its CRLF (ISO-8859-1, as HTTP/1.1 header bytes), or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
