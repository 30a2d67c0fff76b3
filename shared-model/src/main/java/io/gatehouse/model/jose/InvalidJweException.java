package io.gatehouse.model.jose;

/** A JWE that cannot be decrypted: malformed, an unsupported alg or enc, no key that fits, or a failed tag check. */
public class InvalidJweException extends Exception {
    public InvalidJweException(String message) {
        super(message, null, false, false);
    }
}
