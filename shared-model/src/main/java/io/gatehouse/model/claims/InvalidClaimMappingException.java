package io.gatehouse.model.claims;

/** The configured attribute-to-claim mapping breaks a rule; the message names the mapping and the rule. */
public class InvalidClaimMappingException extends RuntimeException {
    public InvalidClaimMappingException(String message) {
        super(message, null, false, false);
    }
}
