package io.gatehouse.model.jose;

/** A JWS that is malformed, names an unsupported algorithm or key, or whose signature does not verify. */
public class InvalidJwsException extends Exception {
    public InvalidJwsException(String message) {
        super(message, null, false, false);
    }
}
