package io.gatehouse.model.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the last-line mapper answers: a database that is away is a 503, input the database refuses or that cannot be
 * decoded is a 400, anything else a 500 without detail.
 */
class UnexpectedExceptionMapperTest {

    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

    static RuntimeException wrapped(String sqlState) {
        return new RuntimeException("JDBC exception", new SQLException("reason", sqlState));
    }

    @Test
    void connectionLossShutdownAndStartUpAreTheDatabaseBeingAway() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300"}) {
            assertTrue(UnexpectedExceptionMapper.causedByDatabase(wrapped(state)), state);
        }
    }

    @Test
    void aFailedCommitCarriesTheConnectionErrorAsASuppressedException() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("XAException", new SQLException("terminating connection", "57P01")));
        assertTrue(UnexpectedExceptionMapper.causedByDatabase(new RuntimeException("invoking subclass method", rollback)));
    }

    @Test
    void dataExceptionsAndOtherErrorsAreNot() {
        for (String state : new String[] {"22021", "23505", "42P01"}) {
            assertFalse(UnexpectedExceptionMapper.causedByDatabase(wrapped(state)), state);
        }
        assertFalse(UnexpectedExceptionMapper.causedByDatabase(new IllegalStateException("no SQL at all")));
    }

    @Test
    void theSqlStateIsFoundAnywhereInTheCauseChain() {
        assertEquals("22021", UnexpectedExceptionMapper.sqlState(new RuntimeException(wrapped("22021"))));
        assertEquals("", UnexpectedExceptionMapper.sqlState(new RuntimeException("plain")));
    }

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
