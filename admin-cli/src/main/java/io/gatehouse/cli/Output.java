package io.gatehouse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Prints answers: a table (lists), {@code key: value} lines (one object), or the JSON itself with {@code --json}. */
final class Output {

    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** A list answer: {@code node} is a page ({@code items}, {@code total}) or an array; one row per item. */
    void table(JsonNode node, List<String> columns) {
        if (json) {
            printJson(node);
            return;
        }
        JsonNode items = node != null && node.has("items") ? node.get("items") : node;
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.stream().map(c -> c.toUpperCase().replace('_', ' ')).toArray(String[]::new));
        if (items != null) {
            for (JsonNode item : items) {
                rows.add(columns.stream().map(c -> cell(item.get(c))).toArray(String[]::new));
            }
        }
        int[] widths = new int[columns.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        if (node != null && node.has("total")) {
            long shown = items == null ? 0 : items.size();
            out.println("(" + shown + " of " + node.get("total").asLong() + ", page " + node.get("page").asInt() + ")");
        }
    }

    /** One object: a {@code key: value} line per member. */
    void object(JsonNode node) {
        if (json) {
            printJson(node);
            return;
        }
        if (node == null) {
            return;
        }
        int width = 0;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            width = Math.max(width, names.next().length());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.println(String.format("%-" + (width + 1) + "s %s", f.getKey() + ":", cell(f.getValue())));
        }
    }

    /** A confirmation for answers without a body; with --json an object {"result": message}. */
    void done(String message) {
        if (json) {
            printJson(AdminApi.JSON.createObjectNode().put("result", message));
        } else {
            out.println(message);
        }
    }

    void line(String text) {
        out.println(text);
    }

    private void printJson(JsonNode node) {
        try {
            out.println(AdminApi.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.isValueNode() ? x.asText() : x.toString()));
            return String.join(",", parts);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
