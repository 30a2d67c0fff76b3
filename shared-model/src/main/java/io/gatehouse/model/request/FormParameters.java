package io.gatehouse.model.request;

import io.gatehouse.model.error.OAuthError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an OAuth request body (application/x-www-form-urlencoded) as single values: a parameter sent
 * more than once is {@code invalid_request} (RFC 6749 3.1, 3.2: parameters MUST NOT be included more than once), and
 * one sent without a value is treated as omitted (RFC 6749 3.1). Pure.
 */
public final class FormParameters {

    private FormParameters() {
    }

    public static Map<String, String> single(Map<String, List<String>> form) {
        if (form == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            if (values.size() > 1) {
                throw OAuthError.invalidRequest("parameter " + printable(e.getKey()) + " must not be repeated").toException();
            }
            if (!values.isEmpty() && values.get(0) != null && !values.get(0).isEmpty() && !e.getKey().isEmpty()) {
                out.put(e.getKey(), values.get(0));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** RFC 6749 5.2: error_description is limited to %x20-21 / %x23-5B / %x5D-7E; a parameter name may not be. */
    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (b.length() >= 64) {
                break;
            }
            b.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '?');
        }
        return b.toString();
    }
}
