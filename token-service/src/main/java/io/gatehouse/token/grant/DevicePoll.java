package io.gatehouse.token.grant;

import io.gatehouse.model.entity.DeviceCodeEntity;
import io.gatehouse.model.error.OAuthError;
import java.time.Instant;

/**
 * What a poll of the token endpoint with a device code gets (RFC 8628 3.5), from the code's state. Pure.
 * A code is answered by the user once and redeemed once; before the answer the device is told to wait, and to wait
 * longer when it polls within the interval.
 */
public enum DevicePoll {
    /** Approved: the tokens are issued and the code is consumed. */
    ISSUE,
    AUTHORIZATION_PENDING,
    /** Polled within the interval: the interval grows by {@link #SLOW_DOWN_STEP_SECONDS}. */
    SLOW_DOWN,
    ACCESS_DENIED,
    EXPIRED_TOKEN,
    /** Redeemed already (or in an unknown state). */
    ALREADY_USED;

    /** RFC 8628 3.5: "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
    public static final int SLOW_DOWN_STEP_SECONDS = 5;

    public static DevicePoll of(String status, Instant expiresAt, Instant lastPolledAt, int intervalSeconds, Instant now) {
        if (DeviceCodeEntity.DENIED.equals(status)) {
            return ACCESS_DENIED;
        }
        boolean live = DeviceCodeEntity.PENDING.equals(status) || DeviceCodeEntity.APPROVED.equals(status);
        if (!live) {
            return ALREADY_USED;
        }
        if (!expiresAt.isAfter(now)) {
            return EXPIRED_TOKEN;
        }
        if (DeviceCodeEntity.APPROVED.equals(status)) {
            return ISSUE;
        }
        if (lastPolledAt != null && lastPolledAt.plusSeconds(intervalSeconds).isAfter(now)) {
            return SLOW_DOWN;
        }
        return AUTHORIZATION_PENDING;
    }

    /** The error answered for every outcome but {@link #ISSUE} (RFC 8628 3.5; RFC 6749 5.2 invalid_grant). */
    public OAuthError error() {
        return switch (this) {
            case AUTHORIZATION_PENDING -> new OAuthError("authorization_pending", "the user has not answered yet", 400);
            case SLOW_DOWN -> new OAuthError("slow_down", "polling too fast: add 5 seconds to the interval", 400);
            case ACCESS_DENIED -> new OAuthError("access_denied", "the user denied the authorization", 400);
            case EXPIRED_TOKEN -> new OAuthError("expired_token", "the device code has expired", 400);
            case ALREADY_USED -> OAuthError.invalidGrant("the device code was already used");
            case ISSUE -> throw new IllegalStateException("an approved code is not an error");
        };
    }
}
