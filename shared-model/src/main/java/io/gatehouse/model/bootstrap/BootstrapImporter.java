package io.gatehouse.model.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatehouse.model.client.ClientSecretEncryption;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.Argon2idPasswordHasher;
import io.gatehouse.model.crypto.PasswordHasher;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.UserRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies the bootstrap file at start when {@code gatehouse.bootstrap.file} is set. Idempotent: a row is
 * written only when it differs from the file, so a restart changes nothing. Safe when any number of processes
 * import at once ({@link #IMPORT_LOCK}). Secrets are stored as
 * SHA-256 (and, for client_secret_jwt clients only, AES-GCM encrypted too), passwords as Argon2id; neither is logged.
 */
@ApplicationScoped
public class BootstrapImporter {

    private static final Logger LOG = Logger.getLogger(BootstrapImporter.class);

    @Inject
    GatehouseConfig config;
    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;
    @Inject
    ClientSecretEncryption secretEncryption;

    private final PasswordHasher passwords = new Argon2idPasswordHasher();

    void onStart(@Observes StartupEvent event) {
        config.bootstrap().file().ifPresent(file -> {
            Result result = apply(read(Path.of(file)));
            LOG.infof("bootstrap %s: %d clients and %d users written, %d unchanged",
                    file, result.clientsWritten(), result.usersWritten(), result.unchanged());
        });
    }

    /** What an import wrote. */
    public record Result(int clientsWritten, int usersWritten, int unchanged) {
    }

    /** Parses a bootstrap file: YAML when it ends in .yaml or .yml, JSON otherwise. */
    public static BootstrapDocument read(Path file) {
        String name = file.getFileName().toString();
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
                ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return mapper.readValue(Files.readAllBytes(file), BootstrapDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bootstrap file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * pg_advisory_xact_lock key serialising imports: every replica of every service may import at start; the first
     * writes, the others wait for its commit and then find nothing to change.
     */
    public static final long IMPORT_LOCK = 0x676174656269L; // "gatebi"

    @Transactional
    public Result apply(BootstrapDocument document) {
        clients.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(" + IMPORT_LOCK + ")").getSingleResult();
        int clientsWritten = 0, usersWritten = 0, unchanged = 0;
        for (BootstrapDocument.Client c : document.clients()) {
            if (importClient(c)) {
                clientsWritten++;
            } else {
                unchanged++;
            }
        }
        for (BootstrapDocument.User u : document.users()) {
            if (importUser(u)) {
                usersWritten++;
            } else {
                unchanged++;
            }
        }
        return new Result(clientsWritten, usersWritten, unchanged);
    }

    private boolean importClient(BootstrapDocument.Client c) {
        if (c.clientId() == null || c.clientId().isBlank()) {
            throw new IllegalStateException("bootstrap client without client_id");
        }
        String method = c.tokenEndpointAuthMethod() != null ? c.tokenEndpointAuthMethod()
                : (c.clientSecret() == null ? "none" : "client_secret_basic");
        if (!"none".equals(method) && c.clientSecret() == null && !method.equals("private_key_jwt")) {
            throw new IllegalStateException("bootstrap client " + c.clientId() + " uses " + method + " but has no client_secret");
        }
        ClientEntity existing = clients.findById(c.clientId());
        ClientEntity e = existing != null ? existing : new ClientEntity();
        boolean changed = existing == null;
        e.clientId = c.clientId();
        String secretHash = c.clientSecret() == null ? null : Sha256.hash(c.clientSecret());
        changed |= set(e.secretHash, secretHash, v -> e.secretHash = v);
        changed |= applyEncryptedSecret(e, method, c.metadata() == null ? Map.of() : c.metadata(), c.clientSecret());
        changed |= set(e.clientName, c.clientName(), v -> e.clientName = v);
        changed |= set(e.redirectUris, list(c.redirectUris(), List.of()), v -> e.redirectUris = v);
        changed |= set(e.postLogoutRedirectUris, list(c.postLogoutRedirectUris(), List.of()), v -> e.postLogoutRedirectUris = v);
        changed |= set(e.grantTypes, list(c.grantTypes(), List.of("authorization_code")), v -> e.grantTypes = v);
        changed |= set(e.responseTypes, list(c.responseTypes(), List.of("code")), v -> e.responseTypes = v);
        changed |= set(e.scope, c.scope() == null ? "openid" : c.scope(), v -> e.scope = v);
        changed |= set(e.tokenEndpointAuthMethod, method, v -> e.tokenEndpointAuthMethod = v);
        changed |= set(e.applicationType, c.applicationType() == null ? "web" : c.applicationType(), v -> e.applicationType = v);
        changed |= set(e.firstParty, Boolean.TRUE.equals(c.firstParty()), v -> e.firstParty = v);
        Map<String, Object> metadata = c.metadata() == null ? Map.of() : c.metadata();
        changed |= set(e.metadata, metadata, v -> e.metadata = new HashMap<String, Object>(v));
        if (!changed) {
            return false;
        }
        e.updatedAt = Instant.now();
        if (existing == null) {
            clients.persist(e);
        }
        return true;
    }

    /**
     * client_secret_jwt needs the clear secret as its HMAC key (RFC 7523 2.2), a symmetric JWE algorithm the key
     * derived from it (OIDC Core 10.2): for those clients only it is also stored encrypted
     * ({@link ClientSecretEncryption}); every other client keeps no recoverable form of it.
     */
    private boolean applyEncryptedSecret(ClientEntity e, String method, Map<String, Object> metadata, String secret) {
        if (!io.gatehouse.model.registration.ClientMetadata.needsEncryptedSecret(method, metadata)) {
            return set(e.secretEncrypted, null, v -> e.secretEncrypted = v);
        }
        if (e.secretEncrypted != null && secretEncryption.holds(e, secret)) {
            return false;
        }
        e.secretEncrypted = secretEncryption.encrypt(e.clientId, secret);
        return true;
    }

    private boolean importUser(BootstrapDocument.User u) {
        if (u.username() == null || u.username().isBlank()) {
            throw new IllegalStateException("bootstrap user without username");
        }
        UserEntity existing = users.findByUsername(u.username()).orElse(null);
        UserEntity e = existing != null ? existing : new UserEntity();
        boolean changed = existing == null;
        if (existing == null) {
            e.id = UUID.randomUUID();
            e.username = u.username();
        }
        if (u.password() != null && (e.passwordHash == null
                || !passwords.verify(u.password().toCharArray(), e.passwordHash)
                || passwords.needsRehash(e.passwordHash))) {
            e.passwordHash = passwords.hash(u.password().toCharArray());
            changed = true;
        }
        Map<String, Object> attributes = u.attributes() == null ? Map.of() : u.attributes();
        changed |= set(e.attributes, attributes, v -> e.attributes = new HashMap<String, Object>(v));
        if (!changed) {
            return false;
        }
        e.updatedAt = Instant.now();
        if (existing == null) {
            users.persist(e);
        }
        return true;
    }

    private static List<String> list(List<String> value, List<String> fallback) {
        return value == null ? fallback : value;
    }

    /** Assigns {@code desired} when it differs from {@code current}; reports whether it did. */
    private static <T> boolean set(T current, T desired, java.util.function.Consumer<T> assign) {
        if (Objects.equals(current, desired)) {
            return false;
        }
        assign.accept(desired);
        return true;
    }
}
