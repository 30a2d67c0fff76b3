package io.gatehouse.token.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.entity.DeviceCodeEntity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DevicePollTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant LIVE = NOW.plusSeconds(300);

    static DevicePoll poll(String status, Instant expiresAt, Instant lastPolledAt) {
        return DevicePoll.of(status, expiresAt, lastPolledAt, 5, NOW);
    }

    @Test
    void unansweredCodeIsPendingOnTheFirstPollAndAfterTheInterval() {
        assertEquals(DevicePoll.AUTHORIZATION_PENDING, poll(DeviceCodeEntity.PENDING, LIVE, null));
        assertEquals(DevicePoll.AUTHORIZATION_PENDING, poll(DeviceCodeEntity.PENDING, LIVE, NOW.minusSeconds(5)));
        assertEquals(DevicePoll.AUTHORIZATION_PENDING, poll(DeviceCodeEntity.PENDING, LIVE, NOW.minusSeconds(60)));
    }

    @Test
    void pollWithinTheIntervalIsSlowDown() {
        assertEquals(DevicePoll.SLOW_DOWN, poll(DeviceCodeEntity.PENDING, LIVE, NOW.minusSeconds(4)));
        assertEquals(DevicePoll.SLOW_DOWN, poll(DeviceCodeEntity.PENDING, LIVE, NOW));
        assertEquals(DevicePoll.SLOW_DOWN, DevicePoll.of(DeviceCodeEntity.PENDING, LIVE, NOW.minusSeconds(9), 10, NOW),
                "the grown interval counts");
    }

    @Test
    void approvedCodeIsIssuedHoweverFastTheDevicePolls() {
        assertEquals(DevicePoll.ISSUE, poll(DeviceCodeEntity.APPROVED, LIVE, NOW.minusSeconds(1)));
    }

    @Test
    void deniedExpiredAndConsumedCodesAreFinal() {
        assertEquals(DevicePoll.ACCESS_DENIED, poll(DeviceCodeEntity.DENIED, LIVE, null));
        assertEquals(DevicePoll.ACCESS_DENIED, poll(DeviceCodeEntity.DENIED, NOW.minusSeconds(1), null));
        assertEquals(DevicePoll.EXPIRED_TOKEN, poll(DeviceCodeEntity.PENDING, NOW, null));
        assertEquals(DevicePoll.EXPIRED_TOKEN, poll(DeviceCodeEntity.APPROVED, NOW.minusSeconds(1), null),
                "approved but not redeemed in time");
        assertEquals(DevicePoll.ALREADY_USED, poll(DeviceCodeEntity.CONSUMED, LIVE, null));
        assertEquals(DevicePoll.ALREADY_USED, poll(DeviceCodeEntity.CONSUMED, NOW.minusSeconds(1), null));
        assertEquals(DevicePoll.ALREADY_USED, poll("unknown", LIVE, null));
    }

    @Test
    void errorsAreTheCodesOfRfc8628() {
        assertEquals("authorization_pending", DevicePoll.AUTHORIZATION_PENDING.error().code());
        assertEquals("slow_down", DevicePoll.SLOW_DOWN.error().code());
        assertEquals("access_denied", DevicePoll.ACCESS_DENIED.error().code());
        assertEquals("expired_token", DevicePoll.EXPIRED_TOKEN.error().code());
        assertEquals("invalid_grant", DevicePoll.ALREADY_USED.error().code());
        for (DevicePoll p : new DevicePoll[] {DevicePoll.AUTHORIZATION_PENDING, DevicePoll.SLOW_DOWN, DevicePoll.ACCESS_DENIED,
                DevicePoll.EXPIRED_TOKEN, DevicePoll.ALREADY_USED}) {
            assertEquals(400, p.error().status());
        }
        assertThrows(IllegalStateException.class, DevicePoll.ISSUE::error);
    }
}
