package io.gatehouse.authorize.admin;

import io.gatehouse.authorize.registration.ClientDocument;
import io.gatehouse.authorize.registration.ClientMetadataChecks;
import io.gatehouse.model.client.ClientSecretEncryption;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.registration.ClientMetadata;
import io.gatehouse.model.repository.ClientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Operators' management of clients. Metadata passes the registration rules ({@link ClientMetadataChecks#forOperator});
 * besides it an operator sets {@code client_id} (optional at creation), {@code first_party} (consent is not asked)
 * and {@code enabled}. A secret is returned once, at creation or rotation, and stored only as its hash.
 */
@ApplicationScoped
public class ClientAdministration {

    /** RFC 6749 A.1 allows any VSCHAR; operators' ids are kept URL- and shell-friendly. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~:-]{0,127}");

    @Inject
    ClientMetadataChecks checks;
    @Inject
    ClientRepository clients;
    @Inject
    AuditTrail audit;
    @Inject
    ClientSecretEncryption secretEncryption;
    @Inject
    EntityManager em;

    public Map<String, Object> create(Map<String, Object> body, AdminCaller caller) {
        String requestedId = AdminRequests.optionalString(body, "client_id");
        if (requestedId != null && !CLIENT_ID.matcher(requestedId).matches()) {
            throw AdminErrors.invalidRequest("client_id must be 1 to 128 of A-Z a-z 0-9 . _ ~ : - and start with a letter or digit");
        }
        Boolean firstParty = AdminRequests.optionalBoolean(body, "first_party");
        Boolean enabled = AdminRequests.optionalBoolean(body, "enabled");
        ClientMetadata metadata = checks.forOperator(body);
        return QuarkusTransaction.requiringNew().call(() -> {
            String clientId = requestedId != null ? requestedId : UUID.randomUUID().toString();
            if (clients.findById(clientId) != null) {
                throw AdminErrors.conflict("a client " + clientId + " exists already");
            }
            ClientEntity client = new ClientEntity();
            client.clientId = clientId;
            client.createdAt = Instant.now();
            client.updatedAt = client.createdAt;
            client.firstParty = Boolean.TRUE.equals(firstParty);
            client.enabled = enabled == null || enabled;
            ClientDocument.apply(metadata, client);
            String secret = ClientDocument.settleSecret(metadata, client, secretEncryption);
            try {
                clients.persist(client);
                clients.flush();
            } catch (jakarta.persistence.PersistenceException raced) {
                throw AdminErrors.conflict("a client " + clientId + " exists already");
            }
            audit.record("admin.client.created", null, clientId, caller.sourceIp(), caller.details());
            return view(client, secret);
        });
    }

    public Page<Map<String, Object>> list(String search, Paging paging) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String where = search == null || search.isBlank() ? ""
                    : " where lower(c.clientId) like lower(:q) escape '!' or lower(c.clientName) like lower(:q) escape '!'";
            var query = em.createQuery("select c from ClientEntity c" + where + " order by c.createdAt, c.clientId", ClientEntity.class);
            var count = em.createQuery("select count(c) from ClientEntity c" + where, Long.class);
            if (!where.isEmpty()) {
                query.setParameter("q", Paging.containing(search));
                count.setParameter("q", Paging.containing(search));
            }
            List<Map<String, Object>> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                    .getResultList().stream().map(c -> view(c, null)).toList();
            return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
        });
    }

    public Map<String, Object> get(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> view(find(clientId), null));
    }

    /**
     * Replaces the client's metadata (as RFC 7592 2.2 does); {@code first_party} and {@code enabled} change only
     * when given. A secret is issued when the new authentication method needs one and the client had none.
     */
    public Map<String, Object> update(String clientId, Map<String, Object> body, AdminCaller caller) {
        Object bodyId = body.get("client_id");
        if (bodyId != null && !clientId.equals(bodyId)) {
            throw AdminErrors.invalidRequest("client_id in the body differs from the client's");
        }
        Boolean firstParty = AdminRequests.optionalBoolean(body, "first_party");
        Boolean enabled = AdminRequests.optionalBoolean(body, "enabled");
        QuarkusTransaction.requiringNew().run(() -> find(clientId));
        ClientMetadata metadata = checks.forOperator(body);
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity client = find(clientId);
            ClientDocument.apply(metadata, client);
            String secret = ClientDocument.settleSecret(metadata, client, secretEncryption);
            if (firstParty != null) {
                client.firstParty = firstParty;
            }
            if (enabled != null) {
                client.enabled = enabled;
            }
            client.updatedAt = Instant.now();
            audit.record("admin.client.updated", null, clientId, caller.sourceIp(), caller.details());
            return view(client, secret);
        });
    }

    /** A new secret replaces the old one at once; only clients that authenticate with a secret have one. */
    public Map<String, Object> rotateSecret(String clientId, AdminCaller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity client = find(clientId);
            if (!ClientMetadata.SECRET_METHODS.contains(client.tokenEndpointAuthMethod)) {
                throw AdminErrors.invalidRequest("client " + clientId + " authenticates with " + client.tokenEndpointAuthMethod
                        + ", not with a client secret");
            }
            String secret = ClientDocument.rotateSecret(client, secretEncryption);
            client.updatedAt = Instant.now();
            audit.record("admin.client.secret_rotated", null, clientId, caller.sourceIp(), caller.details());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("client_id", clientId);
            out.put("client_secret", secret);
            out.put("client_secret_expires_at", 0);
            return out;
        });
    }

    public Map<String, Object> setEnabled(String clientId, boolean enabled, AdminCaller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity client = find(clientId);
            client.enabled = enabled;
            client.updatedAt = Instant.now();
            audit.record(enabled ? "admin.client.enabled" : "admin.client.disabled", null, clientId, caller.sourceIp(), caller.details());
            return view(client, null);
        });
    }

    /** Deletes the client with its grants, tokens, consents and codes (the schema cascades). */
    public void delete(String clientId, AdminCaller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            clients.delete(find(clientId));
            audit.record("admin.client.deleted", null, clientId, caller.sourceIp(), caller.details());
        });
    }

    private ClientEntity find(String clientId) {
        ClientEntity client = clients.findById(clientId);
        if (client == null) {
            throw AdminErrors.notFound("no client " + clientId);
        }
        return client;
    }

    /** The client's registered metadata plus the operator's view: enabled, first_party, timestamps. */
    static Map<String, Object> view(ClientEntity client, String secret) {
        Map<String, Object> v = ClientDocument.withSecret(client, secret);
        v.put("enabled", client.enabled);
        v.put("first_party", client.firstParty);
        v.put("dynamically_registered", client.registrationTokenHash != null);
        v.put("created_at", client.createdAt.toString());
        v.put("updated_at", client.updatedAt.toString());
        return v;
    }
}
