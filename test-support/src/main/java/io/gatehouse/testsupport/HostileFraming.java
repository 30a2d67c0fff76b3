package io.gatehouse.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests whose framing a hostile or broken client gets wrong (issue 16, items 1 to 3): form bodies of empty pairs,
 * malformed {@code Content-Type} parameters, broken {@code Transfer-Encoding: chunked}. Sent byte for byte over a
 * plain socket, because an HTTP library would refuse to send them or repair them on the way. Every service's tests
 * run the whole list against each of its POST endpoints; each must get a 4xx with a body, never a 5xx or a
 * connection closed without an answer.
 */
public final class HostileFraming {

    /**
     * One hostile request: a name for the failure message, the header lines and body after the request line, and
     * whether the request must be refused (broken framing) or merely not break the server (a well-framed body of
     * empty pairs, which an endpoint without required parameters may accept).
     */
    public record Case(String name, String headersAndBody, boolean refused) {
    }

    /** The answer: status and body, as read from the socket. */
    public record Reply(int status, String head, String body) {
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private HostileFraming() {
    }

    /** The catalogue: the same list for every endpoint of every service. */
    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // 16.1: pairs with empty names and values
        for (String body : List.of("=&=", "&&=x&", "=", "&", "grant_type=client_credentials&=&=x")) {
            cases.add(new Case("form body " + body, "Content-Type: " + FORM + "\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body, false));
        }
        // 16.2: malformed Content-Type parameters with a form body; an unknown charset is well-formed (the body is
        // read as UTF-8 whatever it says, RFC 6749 Appendix B), so it need not be refused.
        String body = "grant_type=client_credentials";
        cases.add(new Case("Content-Type with an unknown charset", "Content-Type: " + FORM + "; charset=no-such-charset\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body, false));
        for (String type : List.of(FORM + ";;;==", FORM + ";charset=", FORM + ";=",
                FORM + "; charset=\"unterminated", FORM + "/x;", ";charset=utf-8", "application/")) {
            cases.add(new Case("Content-Type " + type, "Content-Type: " + type + "\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body, true));
        }
        // 16.3: broken chunk framing (RFC 9112 7.1)
        String chunked = "Content-Type: " + FORM + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        cases.add(new Case("chunk size not hex", chunked + "zz\r\n" + body + "\r\n0\r\n\r\n", true));
        cases.add(new Case("chunk without its CRLF", chunked + "4\r\nabcdefgh0\r\n\r\n", true));
        cases.add(new Case("chunk size beyond a long", chunked + "fffffffffffffffffffff\r\nab\r\n0\r\n\r\n", true));
        cases.add(new Case("truncated last chunk", chunked + "1d\r\n" + body + "\r\n0\r\n", true));
        cases.add(new Case("chunk shorter than announced", chunked + "40\r\n" + body + "\r\n", true));
        return cases;
    }

    /**
     * Sends every case to every path and asserts the house rule: a 4xx with a body that says why, never a 5xx, a
     * stack trace or a connection closed without an answer.
     */
    public static void assertEveryCaseIsAClientError(int port, List<String> paths) throws IOException {
        for (String path : paths) {
            for (Case c : cases()) {
                Reply r = send(port, path, c);
                String what = path + " " + c.name() + " -> " + r.status() + " " + r.body();
                org.junit.jupiter.api.Assertions.assertTrue(r.status() < 500, what);
                if (c.refused()) {
                    org.junit.jupiter.api.Assertions.assertTrue(r.status() >= 400, what);
                }
                // A body that says why; a 401 may say it in its challenge alone (RFC 6750 3).
                boolean challenge = r.status() == 401 && r.head().toLowerCase(java.util.Locale.ROOT).contains("\r\nwww-authenticate: ");
                org.junit.jupiter.api.Assertions.assertTrue(r.status() < 400 || challenge || !r.body().isBlank(), "a body that says why: " + what);
                org.junit.jupiter.api.Assertions.assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), what);
            }
        }
    }

    /**
     * Sends one case as {@code POST path} and reads the answer up to the end of the connection ({@code Connection:
     * close}); a server that answers nothing within 15 s has failed as surely as one that resets.
     */
    public static Reply send(int port, String path, Case c, String... extraHeaders) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost:").append(port)
                    .append("\r\nConnection: close\r\n");
            for (String h : extraHeaders) {
                head.append(h).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write((head + c.headersAndBody()).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) != -1;) {
                    all.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new IOException(c.name() + ": no answer within 15 s, got [" + all.toString(StandardCharsets.ISO_8859_1) + "]", e);
            } catch (java.net.SocketException e) {
                if (all.size() == 0) {
                    throw new IOException(c.name() + ": connection reset without an answer", e);
                }
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new IOException(c.name() + ": no HTTP answer, got [" + text + "]");
            }
            int split = text.indexOf("\r\n\r\n");
            return new Reply(Integer.parseInt(text.substring(9, 12)), split < 0 ? text : text.substring(0, split),
                    split < 0 ? "" : text.substring(split + 4));
        }
    }
}
