package io.gatehouse.model.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

    @Test
    void malformedPercentEncodingIsInvalidRequestNotServerError() {
        for (String body : new String[] {"%", "a=%zz", "grant_type=%G1", "x=%C"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> URLDecoder.decode(body, StandardCharsets.UTF_8));
            Response r = mapper.toResponse(e);
            assertEquals(400, r.getStatus(), body);
            assertEquals("invalid_request", ((Map<?, ?>) r.getEntity()).get("error"), body);
        }
    }

    @Test
    void illegalArgumentOfOwnCodeStaysServerError() {
        Response r = mapper.toResponse(new IllegalArgumentException("a bug"));
        assertEquals(500, r.getStatus());
        assertEquals("server_error", ((Map<?, ?>) r.getEntity()).get("error"));
        assertEquals("unexpected error", ((Map<?, ?>) r.getEntity()).get("error_description"), "no detail of the cause");
    }
}
