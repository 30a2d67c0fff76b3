package io.gatehouse.authorize.logout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.logout.EndSessionDecision;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfirmationRuleTest {

    static final UUID ALICE = UUID.randomUUID();
    static final ConfirmationRule.CurrentSession SESSION = new ConfirmationRule.CurrentSession("s1", ALICE);

    static EndSessionDecision hinted(String sub, String sid) {
        return new EndSessionDecision("rp", sub, sid, null, null, false, null);
    }

    @Test
    void validHintOfThisSessionLogsOutAtOnce() {
        assertFalse(ConfirmationRule.mustAsk(hinted(ALICE.toString(), "s1"), SESSION));
    }

    @Test
    void hintOfAnotherSessionIsAsked() {
        assertTrue(ConfirmationRule.mustAsk(hinted(ALICE.toString(), "s2"), SESSION));
    }

    @Test
    void hintWithoutSidCountsWhenItNamesTheSignedInUser() {
        assertFalse(ConfirmationRule.mustAsk(hinted(ALICE.toString(), null), SESSION));
        assertTrue(ConfirmationRule.mustAsk(hinted(UUID.randomUUID().toString(), null), SESSION));
        assertTrue(ConfirmationRule.mustAsk(hinted(null, null), SESSION));
    }

    @Test
    void noValidHintIsAsked() {
        assertTrue(ConfirmationRule.mustAsk(new EndSessionDecision("rp", null, null, "https://rp.example/bye", null, true, null), SESSION));
        assertTrue(ConfirmationRule.mustAsk(new EndSessionDecision(null, null, null, null, null, true, "bad hint"), SESSION));
    }

    @Test
    void withoutASessionThereIsNothingToAsk() {
        assertFalse(ConfirmationRule.mustAsk(new EndSessionDecision(null, null, null, null, null, true, null), null));
    }
}
