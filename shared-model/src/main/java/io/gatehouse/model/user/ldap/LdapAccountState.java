package io.gatehouse.model.user.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import io.gatehouse.model.user.Authentication.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Account states a directory reports (pure). Judged only once the server has heard the password: from the password
 * policy response control of the bind (draft-behera-ldap-password-policy 6.2), from Active Directory's bind
 * diagnostic ({@code data 775} and the like), or, after a successful bind, from the entry's attributes.
 */
public final class LdapAccountState {

    /** Attributes read with the entry for {@link #fromEntry}. */
    public static final List<String> ATTRIBUTES = List.of("pwdAccountLockedTime", "userAccountControl",
            "msDS-User-Account-Control-Computed", "nsAccountLock", "loginDisabled");

    // MS-ADTS 2.2.16 userAccountControl bits
    static final long ACCOUNTDISABLE = 0x2;
    static final long LOCKOUT = 0x10;
    static final long PASSWORD_EXPIRED = 0x800000;
    /** The pwdAccountLockedTime of an account locked by an administrator. */
    static final String PERMANENT_LOCK = "000001010000Z";

    private static final Pattern AD_DATA = Pattern.compile("data ([0-9a-fA-F]{3})");

    private LdapAccountState() {
    }

    /** The state a ppolicy response control names, if it names one that refuses login. */
    public static Optional<Refusal> fromPasswordPolicy(DraftBeheraLDAPPasswordPolicy10ErrorType error) {
        if (error == null) {
            return Optional.empty();
        }
        if (error == DraftBeheraLDAPPasswordPolicy10ErrorType.ACCOUNT_LOCKED) {
            return Optional.of(Refusal.ACCOUNT_LOCKED);
        }
        if (error == DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_EXPIRED
                || error == DraftBeheraLDAPPasswordPolicy10ErrorType.CHANGE_AFTER_RESET) {
            return Optional.of(Refusal.PASSWORD_EXPIRED);
        }
        return Optional.empty();
    }

    /** Active Directory's sub-code in the diagnostic message of a failed bind (e.g. {@code ... data 775, ...}). */
    public static Optional<Refusal> fromActiveDirectoryDiagnostic(String diagnostic) {
        if (diagnostic == null) {
            return Optional.empty();
        }
        Matcher m = AD_DATA.matcher(diagnostic);
        if (!m.find()) {
            return Optional.empty();
        }
        return switch (m.group(1).toLowerCase()) {
            case "775" -> Optional.of(Refusal.ACCOUNT_LOCKED);
            case "533", "701" -> Optional.of(Refusal.ACCOUNT_DISABLED); // disabled; account expired
            case "532", "773" -> Optional.of(Refusal.PASSWORD_EXPIRED); // password expired; must change
            default -> Optional.empty();
        };
    }

    /**
     * The state the entry's attributes say, after a successful bind. {@code pwdAccountLockedTime} counts only when
     * the server sent no password policy control (it did not enforce the lock itself, or it would have refused).
     */
    public static Optional<Refusal> fromEntry(Entry entry, boolean serverEnforcesPolicy) {
        long uac = number(entry, "userAccountControl") | number(entry, "msDS-User-Account-Control-Computed");
        if ((uac & ACCOUNTDISABLE) != 0 || bool(entry, "nsAccountLock") || bool(entry, "loginDisabled")) {
            return Optional.of(Refusal.ACCOUNT_DISABLED);
        }
        String lockedTime = entry.getAttributeValue("pwdAccountLockedTime");
        // draft-behera-ldap-password-policy 5.3.3: 000001010000Z is a lock by an administrator, permanent whatever
        // the policy (OpenLDAP without a policy for the entry lets such a bind through); another time counts only
        // where the server did not enforce a policy itself.
        boolean locked = lockedTime != null && (!serverEnforcesPolicy || PERMANENT_LOCK.equals(lockedTime.trim()));
        if ((uac & LOCKOUT) != 0 || locked) {
            return Optional.of(Refusal.ACCOUNT_LOCKED);
        }
        if ((uac & PASSWORD_EXPIRED) != 0) {
            return Optional.of(Refusal.PASSWORD_EXPIRED);
        }
        return Optional.empty();
    }

    private static long number(Entry entry, String attribute) {
        String v = entry.getAttributeValue(attribute);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean bool(Entry entry, String attribute) {
        String v = entry.getAttributeValue(attribute);
        return v != null && v.trim().equalsIgnoreCase("true");
    }
}
