package io.gatehouse.e2e.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.zip.GZIPInputStream;

/**
 * An in-memory trace collector for the suite: an OTLP/HTTP endpoint ({@code POST /v1/traces}, protobuf) in the test
 * JVM that the four services export to. It decodes the few fields of {@code ExportTraceServiceRequest} the tests
 * read (service name, ids, name, kind, attributes and event attributes) straight from the protobuf wire format, and
 * keeps the last spans in memory.
 */
public final class OtlpReceiver {

    private static final int KEEP = 50_000;
    private static OtlpReceiver instance;

    /** One span as exported; attribute values as strings (events' attributes prefixed with the event name). */
    public record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
            Map<String, String> attributes) {
        public static final int KIND_INTERNAL = 1;
        public static final int KIND_SERVER = 2;
        public static final int KIND_CLIENT = 3;
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<ExportedSpan> spans = new ConcurrentLinkedDeque<>();

    private OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", this::export);
        server.start();
    }

    /** The receiver of this JVM, started on first use. */
    public static synchronized OtlpReceiver get() {
        if (instance == null) {
            try {
                instance = new OtlpReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The base URL to give as OTEL_EXPORTER_OTLP_ENDPOINT (protocol http/protobuf). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ExportedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    public List<ExportedSpan> all() {
        return List.copyOf(spans);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            for (ExportedSpan s : decodeRequest(body)) {
                spans.addLast(s);
                while (spans.size() > KEEP) {
                    spans.pollFirst();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
        }
    }

    // opentelemetry-proto: ExportTraceServiceRequest{1: ResourceSpans}, ResourceSpans{1: Resource{1: KeyValue},
    // 2: ScopeSpans{2: Span}}, Span{1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes,
    // 11 events{2 name, 3 attributes}}, KeyValue{1 key, 2 AnyValue{1 string, 2 bool, 3 int, 4 double, 5 array}}.
    static List<ExportedSpan> decodeRequest(byte[] body) {
        List<ExportedSpan> out = new ArrayList<>();
        for (Field rs : Field.all(body)) {
            if (rs.number != 1) {
                continue;
            }
            String service = "";
            List<byte[]> scopeSpans = new ArrayList<>();
            for (Field f : Field.all(rs.bytes)) {
                if (f.number == 1) {
                    service = attributes(f.bytes, 1, "").getOrDefault("service.name", "");
                } else if (f.number == 2) {
                    scopeSpans.add(f.bytes);
                }
            }
            for (byte[] ss : scopeSpans) {
                for (Field f : Field.all(ss)) {
                    if (f.number == 2) {
                        out.add(span(service, f.bytes));
                    }
                }
            }
        }
        return out;
    }

    private static ExportedSpan span(String service, byte[] bytes) {
        HexFormat hex = HexFormat.of();
        String traceId = "", spanId = "", parent = "", name = "";
        int kind = 0;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Field f : Field.all(bytes)) {
            switch (f.number) {
                case 1 -> traceId = hex.formatHex(f.bytes);
                case 2 -> spanId = hex.formatHex(f.bytes);
                case 4 -> parent = hex.formatHex(f.bytes);
                case 5 -> name = f.text();
                case 6 -> kind = (int) f.varint;
                case 9 -> attributes.putAll(attributes(f.bytes, -1, ""));
                case 11 -> {
                    String event = "";
                    List<byte[]> eventAttributes = new ArrayList<>();
                    for (Field e : Field.all(f.bytes)) {
                        if (e.number == 2) {
                            event = e.text();
                        } else if (e.number == 3) {
                            eventAttributes.add(e.bytes);
                        }
                    }
                    for (byte[] a : eventAttributes) {
                        attributes.putAll(attributes(a, -1, event + "."));
                    }
                }
                default -> {
                }
            }
        }
        return new ExportedSpan(service, traceId, spanId, parent, name, kind, attributes);
    }

    /** A KeyValue (number -1) or the KeyValues under field {@code field} of a message. */
    private static Map<String, String> attributes(byte[] bytes, int field, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        if (field < 0) {
            keyValue(bytes, prefix, out);
            return out;
        }
        for (Field f : Field.all(bytes)) {
            if (f.number == field) {
                keyValue(f.bytes, prefix, out);
            }
        }
        return out;
    }

    private static void keyValue(byte[] bytes, String prefix, Map<String, String> out) {
        String key = "";
        String value = "";
        for (Field f : Field.all(bytes)) {
            if (f.number == 1) {
                key = f.text();
            } else if (f.number == 2) {
                value = anyValue(f.bytes);
            }
        }
        out.put(prefix + key, value);
    }

    private static String anyValue(byte[] bytes) {
        StringBuilder value = new StringBuilder();
        for (Field f : Field.all(bytes)) {
            switch (f.number) {
                case 1 -> value.append(f.text());
                case 2 -> value.append(f.varint != 0);
                case 3 -> value.append(f.varint);
                case 4 -> value.append(Double.longBitsToDouble(f.varint));
                case 5 -> { // ArrayValue{1: AnyValue}
                    for (Field v : Field.all(f.bytes)) {
                        value.append(value.isEmpty() ? "" : ",").append(anyValue(v.bytes));
                    }
                }
                default -> value.append(f.bytes == null ? "" : f.text());
            }
        }
        return value.toString();
    }

    /** One protobuf field: its number and either a varint/fixed value or its length-delimited bytes. */
    private record Field(int number, long varint, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static List<Field> all(byte[] data) {
            List<Field> fields = new ArrayList<>();
            int[] pos = {0};
            while (pos[0] < data.length) {
                long tag = varint(data, pos);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, varint(data, pos), null));
                    case 1 -> {
                        fields.add(new Field(number, fixed(data, pos[0], 8), null));
                        pos[0] += 8;
                    }
                    case 2 -> {
                        int length = (int) varint(data, pos);
                        byte[] b = new byte[length];
                        System.arraycopy(data, pos[0], b, 0, length);
                        pos[0] += length;
                        fields.add(new Field(number, 0, b));
                    }
                    case 5 -> {
                        fields.add(new Field(number, fixed(data, pos[0], 4), null));
                        pos[0] += 4;
                    }
                    default -> throw new IllegalArgumentException("wire type " + (tag & 7));
                }
            }
            return fields;
        }

        private static long varint(byte[] data, int[] pos) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[pos[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        private static long fixed(byte[] data, int at, int size) {
            long value = 0;
            for (int i = size - 1; i >= 0; i--) {
                value = (value << 8) | (data[at + i] & 0xff);
            }
            return value;
        }
    }
}
