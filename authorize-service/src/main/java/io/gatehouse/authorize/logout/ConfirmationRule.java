package io.gatehouse.authorize.logout;

import io.gatehouse.model.logout.EndSessionDecision;
import java.util.UUID;

/**
 * RP-Initiated Logout 1.0 section 2: "the OP MUST ask the End-User [whether to log out] if an id_token_hint was not
 * provided or if the supplied ID Token does not belong to the current OP session with the RP and/or currently logged
 * in End-User". So no page of another site can log the user out silently. Pure.
 */
public final class ConfirmationRule {

    /** The browser's session as this rule needs it. */
    public record CurrentSession(String sid, UUID userId) {
    }

    private ConfirmationRule() {
    }

    /**
     * Whether the user must confirm before {@code current} ends. Without a session in this browser there is nothing to
     * end and nothing to ask; with one, only a valid hint of this very session (its sid, or, for a hint without sid,
     * its user) logs out at once.
     */
    public static boolean mustAsk(EndSessionDecision decision, CurrentSession current) {
        if (current == null) {
            return false;
        }
        if (decision.confirmationRequired() || decision.error() != null) {
            return true;
        }
        if (decision.sid() != null) {
            return !decision.sid().equals(current.sid());
        }
        return decision.sub() == null || !decision.sub().equals(current.userId().toString());
    }
}
