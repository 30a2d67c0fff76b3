package io.gatehouse.model.user.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.ldap.sdk.Entry;
import io.gatehouse.model.user.Authentication.Refusal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LdapAccountStateTest {

    static Entry entry(String... attributes) {
        Entry e = new Entry("uid=u,ou=people,dc=example,dc=com");
        for (int i = 0; i < attributes.length; i += 2) {
            e.addAttribute(attributes[i], attributes[i + 1]);
        }
        return e;
    }

    @Test
    void anAdministratorsLockRefusesEvenWhereThePolicyLetTheBindThrough() {
        Entry locked = entry("pwdAccountLockedTime", "000001010000Z");
        assertEquals(Optional.of(Refusal.ACCOUNT_LOCKED), LdapAccountState.fromEntry(locked, true));
        assertEquals(Optional.of(Refusal.ACCOUNT_LOCKED), LdapAccountState.fromEntry(locked, false));
    }

    @Test
    void aTimedLockCountsOnlyWhereTheServerDidNotEnforceAPolicy() {
        Entry timed = entry("pwdAccountLockedTime", "20261207120000Z");
        assertEquals(Optional.of(Refusal.ACCOUNT_LOCKED), LdapAccountState.fromEntry(timed, false));
        assertEquals(Optional.empty(), LdapAccountState.fromEntry(timed, true), "the server let the bind through: the lock ran out");
    }

    @Test
    void activeDirectoryFlagsAndOtherMarkers() {
        assertEquals(Optional.of(Refusal.ACCOUNT_DISABLED), LdapAccountState.fromEntry(entry("userAccountControl", "514"), false));
        assertEquals(Optional.of(Refusal.ACCOUNT_LOCKED), LdapAccountState.fromEntry(entry("userAccountControl", "528"), false));
        assertEquals(Optional.of(Refusal.ACCOUNT_DISABLED), LdapAccountState.fromEntry(entry("nsAccountLock", "TRUE"), false));
        assertEquals(Optional.empty(), LdapAccountState.fromEntry(entry("userAccountControl", "512"), false));
        assertEquals(Optional.of(Refusal.ACCOUNT_LOCKED), LdapAccountState.fromActiveDirectoryDiagnostic("80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 775, v3839"));
    }
}
