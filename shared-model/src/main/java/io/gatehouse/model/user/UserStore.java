package io.gatehouse.model.user;

/**
 * Where end users come from (DESIGN.md "State"): the login step asks the store configured by
 * {@code gatehouse.users.store} to check a username and password. Every store keeps a row in {@code users} for each
 * user who logged in (the PostgreSQL store holds its users there; the LDAP store a shadow row keyed by the subject,
 * with the last attributes read), so sessions, grants, codes and consents reference users alike and the token and
 * userinfo endpoints read claims from that row through the one {@code ClaimsResolver} and claim mapping.
 */
public interface UserStore {

    /** The configuration name of the store: {@code postgres} or {@code ldap}. */
    String name();

    /**
     * Checks {@code password} for {@code username}. Never throws for a wrong password, an unknown user or a refused
     * account; throws {@link UserStoreUnavailableException} when the store cannot answer (directory down or slow).
     */
    Authentication authenticate(String username, char[] password);
}
