package io.gatehouse.model.user.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * The user search filter: the configured template with {@code {username}} replaced by the username escaped per
 * RFC 4515 3 ({@code *}, {@code (}, {@code )}, {@code \}, NUL and non-ASCII as {@code \XX}), so typed input can only
 * ever be an assertion value, never filter syntax.
 */
public final class UserFilter {

    public static final String PLACEHOLDER = "{username}";

    private final String template;

    private UserFilter(String template) {
        this.template = template;
    }

    /** Checks the template: it must contain the placeholder and be a valid filter once filled. */
    public static UserFilter of(String template) {
        if (template == null || !template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("gatehouse.ldap.user-filter must contain " + PLACEHOLDER + ": " + template);
        }
        UserFilter f = new UserFilter(template);
        try {
            f.forUsername("probe");
        } catch (LDAPException e) {
            throw new IllegalArgumentException("gatehouse.ldap.user-filter is not an LDAP filter: " + template, e);
        }
        return f;
    }

    /** The filter for {@code username}, escaped (RFC 4515 3). */
    public Filter forUsername(String username) throws LDAPException {
        return Filter.create(template.replace(PLACEHOLDER, Filter.encodeValue(username)));
    }
}
