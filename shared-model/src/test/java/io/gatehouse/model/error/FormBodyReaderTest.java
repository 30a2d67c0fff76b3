package io.gatehouse.model.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormBodyReaderTest {

    @Test
    void emptySequencesAndEmptyNamesAreDropped() {
        assertTrue(FormBodyReader.parse("=&=").isEmpty());
        MultivaluedMap<String, String> form = FormBodyReader.parse("&&=x&grant_type=client_credentials&");
        assertEquals(List.of("client_credentials"), form.get("grant_type"));
        assertEquals(1, form.size());
    }

    @Test
    void nameWithoutEqualsHasEmptyValueAndRepeatsAreKept() {
        MultivaluedMap<String, String> form = FormBodyReader.parse("scope&resource=a&resource=b");
        assertEquals(List.of(""), form.get("scope"));
        assertEquals(List.of("a", "b"), form.get("resource"));
    }

    @Test
    void valuesArePercentAndPlusDecodedAsUtf8() {
        assertEquals("a b/ö", FormBodyReader.parse("x=a+b%2F%C3%B6").getFirst("x"));
    }

    @Test
    void invalidPercentEncodingIsInvalidRequest() {
        OAuthException e = assertThrows(OAuthException.class, () -> FormBodyReader.parse("grant_type=%zz"));
        assertEquals("invalid_request", e.error().code());
    }
}
