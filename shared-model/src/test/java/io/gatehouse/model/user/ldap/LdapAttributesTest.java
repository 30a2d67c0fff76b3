package io.gatehouse.model.user.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Directory values as claim-mapping input, subjects, filters and account states (pure). */
class LdapAttributesTest {

    @Test
    void objectGuidIsReadMixedEndian() {
        // MS-DTYP 2.3.4.2: bytes 00..0f of {33221100-5544-7766-8899-aabbccddeeff}
        byte[] raw = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa,
                (byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee, (byte) 0xff};
        assertEquals(UUID.fromString("33221100-5544-7766-8899-aabbccddeeff"), LdapAttributes.guid(raw));
        Entry e = new Entry("cn=x");
        e.addAttribute("objectGUID", raw);
        assertEquals(UUID.fromString("33221100-5544-7766-8899-aabbccddeeff"), LdapAttributes.subject(e, "objectGUID"));
        assertEquals(Map.of("objectGUID", "33221100-5544-7766-8899-aabbccddeeff"), LdapAttributes.read(e, List.of("objectGUID")));
    }

    @Test
    void objectSidIsItsStringForm() {
        byte[] sid = {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0}; // S-1-5-32-544
        assertEquals("S-1-5-32-544", LdapAttributes.value("objectSid", sid));
    }

    @Test
    void nonUuidSubjectsGetAStableNameBasedUuid() {
        Entry e = new Entry("cn=x", new com.unboundid.ldap.sdk.Attribute("employeeNumber", "4711"));
        UUID first = LdapAttributes.subject(e, "employeeNumber");
        assertEquals(UUID.nameUUIDFromBytes("ldap:4711".getBytes(StandardCharsets.UTF_8)), first);
        assertEquals(null, LdapAttributes.subject(e, "entryUUID"));
    }

    @Test
    void postalAddressLinesBecomeNewlines() {
        assertEquals("Main St 1\nSpringfield $5\nUS", LdapAttributes.postalAddress("Main St 1$Springfield \\245$US"));
    }

    @Test
    void filterEscapesTheUsername() throws Exception {
        UserFilter f = UserFilter.of("(&(objectClass=inetOrgPerson)(uid={username}))");
        assertEquals(Filter.create("(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))"), f.forUsername("*)(uid=*"));
        assertEquals(Filter.FILTER_TYPE_EQUALITY, f.forUsername("*").getComponents()[1].getFilterType());
        assertThrows(IllegalArgumentException.class, () -> UserFilter.of("(uid=bob)"));
        assertThrows(IllegalArgumentException.class, () -> UserFilter.of("(uid={username}"));
    }

    @Test
    void activeDirectoryBindDiagnostics() {
        String locked = "80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 775, v3839";
        assertEquals(io.gatehouse.model.user.Authentication.Refusal.ACCOUNT_LOCKED,
                LdapAccountState.fromActiveDirectoryDiagnostic(locked).orElseThrow());
        assertEquals(io.gatehouse.model.user.Authentication.Refusal.PASSWORD_EXPIRED,
                LdapAccountState.fromActiveDirectoryDiagnostic(locked.replace("775", "532")).orElseThrow());
        assertEquals(java.util.Optional.empty(), LdapAccountState.fromActiveDirectoryDiagnostic(locked.replace("775", "52e")));
    }
}
