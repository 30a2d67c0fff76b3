package io.gatehouse.model.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Last line of defence: no response ever carries a stack trace. Framework errors (404, 405, 415 ...)
 * keep their status with a JSON body; a request the HTTP layer cannot decode (malformed percent-encoding) or
 * a value PostgreSQL refuses (a NUL character) is a 400 {@code invalid_request}; a database outage is a clean
 * 503 {@code temporarily_unavailable}; anything else is a logged 500 {@code server_error} with no detail.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            String code = status == 401 ? "invalid_token" : "invalid_request";
            return OAuthErrorResponse.of(new OAuthError(code, reason(status), status), null);
        }
        if (malformedEncoding(e)) {
            // RFC 6749 3.1, 3.2: the form body or query is not valid application/x-www-form-urlencoded.
            return OAuthErrorResponse.of(OAuthError.invalidRequest("the request is not validly percent-encoded"), null);
        }
        if (sqlState(e).startsWith("22")) {
            // SQL data exception (e.g. 22021, a NUL character in text): the input was invalid, not the server.
            return OAuthErrorResponse.of(OAuthError.invalidRequest("the request contains an invalid value"), null);
        }
        if (causedByDatabase(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return OAuthErrorResponse.of(OAuthError.temporarilyUnavailable("the service is temporarily unavailable"), null);
        }
        LOG.error("unexpected error", e);
        return OAuthErrorResponse.of(OAuthError.serverError("unexpected error"), null);
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase().toLowerCase() : "request rejected";
    }

    /** Classes whose IllegalArgumentException means "this is not valid percent-encoding" (the framework's form readers). */
    private static final java.util.Set<String> URL_DECODERS = java.util.Set.of("java.net.URLDecoder",
            "org.jboss.resteasy.reactive.common.util.URLUtils", "org.jboss.resteasy.reactive.common.util.Encode");

    /** An IllegalArgumentException thrown by a URL decoder: the request (a form body) is malformed, not the server. */
    static boolean malformedEncoding(Throwable e) {
        if (!(e instanceof IllegalArgumentException)) {
            return false;
        }
        StackTraceElement[] stack = e.getStackTrace();
        return stack.length > 0 && URL_DECODERS.contains(stack[0].getClassName());
    }

    /** The SQLState of the first SQLException in the cause chain, or "". */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /**
     * Whether the database being away (not the request) caused {@code e}: anywhere in its cause chain, or among the
     * suppressed exceptions (a failed commit carries the connection error there, ARJUNA016053).
     */
    static boolean causedByDatabase(Throwable e) {
        return causedByDatabase(e, 0);
    }

    private static boolean causedByDatabase(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause()) {
            // 08: connection exception; 53: insufficient resources (too many connections); 57: operator
            // intervention (57P01 shutdown, 57P03 the database is starting up).
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57"))) {
                return true;
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causedByDatabase(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
