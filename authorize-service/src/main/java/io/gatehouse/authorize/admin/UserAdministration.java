package io.gatehouse.authorize.admin;

import io.gatehouse.model.crypto.Argon2idPasswordHasher;
import io.gatehouse.model.crypto.PasswordHasher;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.store.SecondFactors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operators' management of the PostgreSQL user store: users, their directory-style attributes (mapped to claims,
 * docs/claims.md), passwords (Argon2id) and whether they may sign in.
 */
@ApplicationScoped
public class UserAdministration {

    /** NIST SP 800-63B 5.1.1.2: at least 8 characters; the upper bound keeps hashing cheap to refuse. */
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;

    @Inject
    UserRepository users;
    @Inject
    SessionAdministration sessions;
    @Inject
    AuditTrail audit;
    @Inject
    SecondFactors secondFactors;
    @Inject
    EntityManager em;

    private final PasswordHasher passwords = new Argon2idPasswordHasher();

    public UserView create(Map<String, Object> body, AdminCaller caller) {
        String username = AdminRequests.optionalString(body, "username");
        if (username == null || username.isBlank() || username.length() > 255 || !username.equals(username.strip())
                || username.chars().anyMatch(Character::isISOControl)) {
            throw AdminErrors.invalidRequest("username must be 1 to 255 characters without control characters or surrounding spaces");
        }
        String password = AdminRequests.optionalString(body, "password");
        String hash = password == null ? null : hash(password);
        Map<String, Object> attributes = AdminRequests.optionalObject(body, "attributes");
        Boolean enabled = AdminRequests.optionalBoolean(body, "enabled");
        return QuarkusTransaction.requiringNew().call(() -> {
            if (users.findByUsername(username).isPresent()) {
                throw AdminErrors.conflict("a user " + username + " exists already");
            }
            UserEntity u = new UserEntity();
            u.id = UUID.randomUUID();
            u.username = username;
            u.passwordHash = hash;
            u.attributes = attributes == null ? new HashMap<>() : new HashMap<>(attributes);
            u.enabled = enabled == null || enabled;
            u.createdAt = Instant.now();
            u.updatedAt = u.createdAt;
            try {
                users.persist(u);
                users.flush();
            } catch (jakarta.persistence.PersistenceException raced) {
                throw AdminErrors.conflict("a user " + username + " exists already");
            }
            audit.record("admin.user.created", u.id, null, caller.sourceIp(), caller.details(Map.of("username", username)));
            return UserView.of(u);
        });
    }

    /** Users whose username, mail or cn contains {@code search} (case-insensitive), by username. */
    public Page<UserView> list(String search, Paging paging) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String where = search == null || search.isBlank() ? ""
                    : " where lower(username) like lower(:q) escape '!' or lower(attributes->>'mail') like lower(:q) escape '!'"
                    + " or lower(attributes->>'cn') like lower(:q) escape '!'";
            var query = em.createNativeQuery("select * from users" + where + " order by username limit :limit offset :offset",
                    UserEntity.class);
            var count = em.createNativeQuery("select count(*) from users" + where);
            if (!where.isEmpty()) {
                query.setParameter("q", Paging.containing(search));
                count.setParameter("q", Paging.containing(search));
            }
            @SuppressWarnings("unchecked")
            List<UserEntity> found = query.setParameter("limit", paging.size()).setParameter("offset", paging.offset()).getResultList();
            return new Page<>(found.stream().map(UserView::of).toList(), paging.page(), paging.size(),
                    ((Number) count.getSingleResult()).longValue());
        });
    }

    public UserView get(String idOrUsername) {
        return QuarkusTransaction.requiringNew().call(() -> UserView.of(find(idOrUsername)));
    }

    /** Replaces every attribute ({@code merge} false), or merges: members set to null are removed. */
    public UserView updateAttributes(String idOrUsername, Map<String, Object> attributes, boolean merge, AdminCaller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserEntity u = find(idOrUsername);
            Map<String, Object> next = merge ? new HashMap<>(u.attributes) : new HashMap<>();
            attributes.forEach((k, v) -> {
                if (v == null) {
                    next.remove(k);
                } else {
                    next.put(k, v);
                }
            });
            u.attributes = next;
            u.updatedAt = Instant.now();
            audit.record("admin.user.attributes_updated", u.id, null, caller.sourceIp(), caller.details());
            return UserView.of(u);
        });
    }

    public void setPassword(String idOrUsername, String password, AdminCaller caller) {
        String hash = hash(password);
        QuarkusTransaction.requiringNew().run(() -> {
            UserEntity u = find(idOrUsername);
            u.passwordHash = hash;
            u.updatedAt = Instant.now();
            audit.record("admin.user.password_set", u.id, null, caller.sourceIp(), caller.details());
        });
    }

    /** Disabling also ends the user's sessions (with back-channel logout notices); enabling only lifts the block. */
    public UserView setEnabled(String idOrUsername, boolean enabled, AdminCaller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserEntity u = find(idOrUsername);
            u.enabled = enabled;
            u.updatedAt = Instant.now();
            int ended = enabled ? 0 : sessions.endAll(u.id);
            audit.record(enabled ? "admin.user.enabled" : "admin.user.disabled", u.id, null, caller.sourceIp(),
                    caller.details(Map.of("sessions_ended", ended)));
            return UserView.of(u);
        });
    }

    /**
     * Removes the user's second factor (authenticator and recovery codes), e.g. after a lost phone: the next login
     * asks for the password only, and the user can enrol again. Audited whether or not there was one.
     */
    public void resetSecondFactor(String idOrUsername, AdminCaller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            UserEntity u = find(idOrUsername);
            boolean removed = secondFactors.remove(u.id);
            audit.record("admin.user.second_factor_reset", u.id, null, caller.sourceIp(),
                    caller.details(Map.of("removed", removed)));
        });
    }

    /** Deletes the user with sessions, consents, grants and codes (the schema cascades). */
    public void delete(String idOrUsername, AdminCaller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            UserEntity u = find(idOrUsername);
            users.delete(u);
            audit.record("admin.user.deleted", u.id, null, caller.sourceIp(), caller.details(Map.of("username", u.username)));
        });
    }

    /** By id when {@code idOrUsername} is a UUID, otherwise by username. Call inside a transaction. */
    UserEntity find(String idOrUsername) {
        UserEntity u = null;
        try {
            u = users.findById(UUID.fromString(idOrUsername));
        } catch (IllegalArgumentException notAUuid) {
            // a username
        }
        if (u == null) {
            u = users.findByUsername(idOrUsername).orElse(null);
        }
        if (u == null) {
            throw AdminErrors.notFound("no user " + idOrUsername);
        }
        return u;
    }

    private String hash(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw AdminErrors.invalidRequest("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return passwords.hash(password.toCharArray());
    }
}
