package io.gatehouse.model.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.error.OAuthException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    @Test
    void singleValuesAreKept() {
        assertEquals(Map.of("a", "1", "b", "2"), FormParameters.single(Map.of("a", List.of("1"), "b", List.of("2"))));
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        OAuthException e = assertThrows(OAuthException.class, () -> FormParameters.single(Map.of("scope", List.of("a", "b"))));
        assertEquals("invalid_request", e.error().code());
        assertThrows(OAuthException.class, () -> FormParameters.single(Map.of("scope", List.of("a", "a"))));
    }

    @Test
    void emptyValuesCountAsOmitted() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("scope", List.of(""));
        form.put("state", Arrays.asList((String) null));
        form.put("none", List.of());
        assertEquals(Map.of(), FormParameters.single(form));
    }

    @Test
    void errorDescriptionStaysPrintable() {
        OAuthException e = assertThrows(OAuthException.class,
                () -> FormParameters.single(Map.of("bad\"\n\u00e9", List.of("a", "b"))));
        assertFalse(e.error().description().contains("\n"));
        assertFalse(e.error().description().contains("\""));
    }
}
