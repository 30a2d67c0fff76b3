package io.gatehouse.model.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which database failures are a 503 (the database is away) and which a 400 (the input was invalid). */
class UnexpectedExceptionMapperTest {

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
}
