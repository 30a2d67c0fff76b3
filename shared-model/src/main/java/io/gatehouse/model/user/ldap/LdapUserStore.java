package io.gatehouse.model.user.ldap;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import io.gatehouse.model.claims.ClaimMapping;
import io.gatehouse.model.claims.ClaimMappingSource;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.store.LdapUserRows;
import io.gatehouse.model.user.Authentication;
import io.gatehouse.model.user.Authentication.Refusal;
import io.gatehouse.model.user.Serves;
import io.gatehouse.model.user.UserStore;
import io.gatehouse.model.user.UserStoreUnavailableException;
import io.gatehouse.model.user.UsersConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Users in an LDAP directory (OpenLDAP, Active Directory, ...): a search as the service account under the base DN
 * with the configured filter (the username escaped, {@link UserFilter}), then a bind as the entry found with the
 * password, on a pooled connection that is re-bound as the service account right after. Account states the
 * directory reports refuse the login ({@link LdapAccountState}). The subject ({@code entryUUID} by default) becomes
 * the user's id and {@code sub}; the attributes the claim mapping names are kept in the user's shadow row.
 */
@ApplicationScoped
@Serves(UsersConfig.Store.ldap) // injected as UserStore only through UserStores
public class LdapUserStore implements UserStore {

    private static final Logger LOG = Logger.getLogger(LdapUserStore.class);
    /** Result codes that mean the directory could not answer, not that the user is refused. */
    private static final Set<ResultCode> UNAVAILABLE = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT, ResultCode.UNAVAILABLE, ResultCode.BUSY, ResultCode.LOCAL_ERROR,
            ResultCode.OTHER, ResultCode.ADMIN_LIMIT_EXCEEDED, ResultCode.TIME_LIMIT_EXCEEDED,
            ResultCode.INSUFFICIENT_ACCESS_RIGHTS, ResultCode.UNWILLING_TO_PERFORM);

    @Inject
    LdapConfig config;
    @Inject
    ClaimMappingSource mappings;
    @Inject
    LdapUserRows rows;

    private volatile LdapDirectory directory;
    private volatile UserFilter filter;

    /** The directory, set up on first use (the service starts whether or not the directory is up). */
    public LdapDirectory directory() {
        LdapDirectory d = directory;
        if (d == null) {
            synchronized (this) {
                if (directory == null) {
                    filter = UserFilter.of(config.userFilter());
                    directory = new LdapDirectory(config);
                }
                d = directory;
            }
        }
        return d;
    }

    @PreDestroy
    void close() {
        if (directory != null) {
            directory.close();
        }
    }

    @Override
    public String name() {
        return "ldap";
    }

    /** What the directory said of a username and password: a refusal, or the subject and mapped attributes. */
    public record DirectoryAnswer(Refusal refusal, UUID subject, String dn, Map<String, Object> attributes) {
        static DirectoryAnswer refused(Refusal r) {
            return new DirectoryAnswer(r, null, null, Map.of());
        }
    }

    @Override
    @WithSpan("ldap.authenticate") // search and bind: the directory's share of a login
    public Authentication authenticate(String username, char[] password) {
        String name = username.trim();
        DirectoryAnswer answer = verify(name, password, mappedAttributes());
        if (answer.refusal() != null) {
            return Authentication.refused(answer.refusal());
        }
        Optional<UserEntity> user = rows.upsert(answer.subject(), name, answer.attributes());
        if (user.isEmpty()) {
            LOG.errorf("directory entry %s has subject %s, the id of a PostgreSQL user: refused", answer.dn(), answer.subject());
            return Authentication.invalidCredentials();
        }
        return new Authentication.Authenticated(user.get());
    }

    /**
     * The directory part of a login: search, bind, account state, attributes. Throws
     * {@link UserStoreUnavailableException} when the directory does not answer in time.
     */
    public DirectoryAnswer verify(String name, char[] password, Set<String> attributes) {
        if (password.length == 0) {
            // RFC 4513 5.1.2: a simple bind with an empty password is an unauthenticated bind that "succeeds".
            return DirectoryAnswer.refused(Refusal.INVALID_CREDENTIALS);
        }
        LdapDirectory dir = directory();
        Optional<Entry> found = find(dir, name, attributes);
        if (found.isEmpty()) {
            return DirectoryAnswer.refused(Refusal.INVALID_CREDENTIALS);
        }
        Entry entry = found.get();
        UUID subject = LdapAttributes.subject(entry, config.subjectAttribute());
        if (subject == null) {
            LOG.warnf("directory entry %s has no single %s value: it cannot log in", entry.getDN(), config.subjectAttribute());
            return DirectoryAnswer.refused(Refusal.INVALID_CREDENTIALS);
        }
        Optional<Refusal> refused = bind(dir, entry, password);
        if (refused.isPresent()) {
            return DirectoryAnswer.refused(refused.get());
        }
        return new DirectoryAnswer(null, subject, entry.getDN(), LdapAttributes.read(entry, attributes));
    }

    /** The one entry the filter finds for {@code username}; empty for none or several. */
    private Optional<Entry> find(LdapDirectory dir, String username, Set<String> attributes) {
        try {
            SearchRequest search = new SearchRequest(config.userBaseDn().orElseThrow(() ->
                    new IllegalStateException("gatehouse.ldap.user-base-dn is required with gatehouse.users.store=ldap")),
                    SearchScope.SUB, filter.forUsername(username), requestedAttributes(attributes));
            search.setSizeLimit(2);
            search.setTimeLimitSeconds((int) Math.max(1, config.responseTimeout().toSeconds()));
            search.setResponseTimeoutMillis(config.responseTimeout().toMillis());
            SearchResult result = dir.pool().search(search);
            if (result.getEntryCount() != 1) {
                if (result.getEntryCount() > 1) {
                    LOG.warnf("the user filter matches several entries for one username: refused");
                }
                return Optional.empty();
            }
            return Optional.of(result.getSearchEntries().get(0));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                LOG.warnf("the user filter matches several entries for one username: refused");
                return Optional.empty();
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                LOG.errorf("gatehouse.ldap.user-base-dn does not exist in the directory: %s", e.getMessage());
                return Optional.empty();
            }
            throw new UserStoreUnavailableException("user search failed: " + e.getResultCode() + " " + e.getMessage(), e);
        }
    }

    /** Binds as the entry; empty when the password is right and the account may log in. */
    private Optional<Refusal> bind(LdapDirectory dir, Entry entry, char[] password) {
        byte[] secret = utf8(password);
        try {
            SimpleBindRequest bind = new SimpleBindRequest(entry.getDN(), secret, new DraftBeheraLDAPPasswordPolicy10RequestControl());
            bind.setResponseTimeoutMillis(config.responseTimeout().toMillis());
            BindResult result = dir.pool().bindAndRevertAuthentication(bind);
            DraftBeheraLDAPPasswordPolicy10ResponseControl policy = policyControl(result);
            if (policy != null && policy.getErrorType() != null) {
                return LdapAccountState.fromPasswordPolicy(policy.getErrorType());
            }
            return LdapAccountState.fromEntry(entry, policy != null);
        } catch (LDAPException e) {
            DraftBeheraLDAPPasswordPolicy10ResponseControl policy = policyControl(e.toLDAPResult());
            Optional<Refusal> state = policy == null ? Optional.empty() : LdapAccountState.fromPasswordPolicy(policy.getErrorType());
            if (state.isPresent()) {
                return state;
            }
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return Optional.of(LdapAccountState.fromActiveDirectoryDiagnostic(e.getDiagnosticMessage())
                        .orElse(Refusal.INVALID_CREDENTIALS));
            }
            if (UNAVAILABLE.contains(e.getResultCode()) && e.getResultCode() != ResultCode.UNWILLING_TO_PERFORM
                    && e.getResultCode() != ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
                throw new UserStoreUnavailableException("bind failed: " + e.getResultCode() + " " + e.getMessage(), e);
            }
            return Optional.of(Refusal.INVALID_CREDENTIALS);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static DraftBeheraLDAPPasswordPolicy10ResponseControl policyControl(LDAPResult result) {
        try {
            return result == null ? null : DraftBeheraLDAPPasswordPolicy10ResponseControl.get(result);
        } catch (LDAPException e) {
            return null;
        }
    }

    /** Attribute names the claim mapping reads (only these are kept in the shadow row). */
    private Set<String> mappedAttributes() {
        Set<String> names = new LinkedHashSet<>();
        for (ClaimMapping m : mappings.current().mappings()) {
            names.addAll(m.sourceAttributes());
        }
        return names;
    }

    private String[] requestedAttributes(Set<String> mapped) {
        Set<String> names = new LinkedHashSet<>(mapped);
        names.add(config.subjectAttribute());
        names.add("modifyTimestamp");
        names.addAll(LdapAccountState.ATTRIBUTES);
        return names.toArray(String[]::new);
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
