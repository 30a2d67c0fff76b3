package io.gatehouse.authorize.registration;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.client.ClientSecretEncryption;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.registration.ClientMetadata;
import io.gatehouse.model.registration.RegistrationError;
import io.gatehouse.model.repository.ClientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dynamic client registration (RFC 7591 3) and client configuration (RFC 7592 2): read, full-replacement update,
 * delete. Metadata is validated, and the sector identifier document fetched, before any transaction opens; each
 * change and its audit event commit together.
 */
@ApplicationScoped
public class ClientRegistrar {

    @Inject
    ClientMetadataChecks checks;
    @Inject
    RegistrationAccess access;
    @Inject
    ClientRepository clients;
    @Inject
    AuditTrail audit;
    @Inject
    ClientSecretEncryption secretEncryption;
    @Inject
    GatehouseConfig config;

    /** The bearer credentials of a client configuration request. */
    public record Credentials(List<String> authorization, List<String> queryTokens) {
    }

    /** RFC 7591 3.2.1: the client information response, with the secret and registration access token shown once. */
    public Map<String, Object> register(Map<String, Object> request, String sourceIp) {
        ClientMetadata metadata = checks.forRegistrant(request);
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity client = new ClientEntity();
            client.clientId = UUID.randomUUID().toString();
            client.createdAt = Instant.now();
            client.updatedAt = client.createdAt;
            ClientDocument.apply(metadata, client);
            String secret = ClientDocument.settleSecret(metadata, client, secretEncryption);
            String registrationAccessToken = RandomTokens.random256();
            client.registrationTokenHash = Sha256.hash(registrationAccessToken);
            clients.persist(client);
            audit.record(new AuditEvent(
                    "client.registered", null, client.clientId, sourceIp, Map.of("via", "registration")));
            Map<String, Object> response = ClientDocument.withSecret(client, secret);
            response.put("registration_access_token", registrationAccessToken);
            response.put("registration_client_uri", clientUri(client.clientId));
            return response;
        });
    }

    /** RFC 7592 2.1: the client's current information (the secret and token are not repeated: only hashes are kept). */
    public Map<String, Object> read(String clientId, Credentials credentials) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity client = access.requireClient(clientId, credentials.authorization(), credentials.queryTokens());
            Map<String, Object> response = ClientDocument.of(client);
            response.put("registration_client_uri", clientUri(clientId));
            return response;
        });
    }

    /**
     * RFC 7592 2.2: replaces every metadata member. The body's client_id must be this client's; a client_secret in
     * the body must be the issued one (a client cannot choose its secret). A new secret is issued only when the new
     * authentication method needs one and the client had none.
     */
    public Map<String, Object> update(String clientId, Map<String, Object> request, Credentials credentials, String sourceIp) {
        QuarkusTransaction.requiringNew().run(() -> {
            ClientEntity client = access.requireClient(clientId, credentials.authorization(), credentials.queryTokens());
            if (!clientId.equals(request.get("client_id"))) {
                throw RegistrationError.invalidClientMetadata("client_id must be present and equal the client's (RFC 7592 2.2)").toException();
            }
            if (request.containsKey("client_secret") && !(request.get("client_secret") instanceof String presented
                    && Sha256.matches(presented, client.secretHash))) {
                throw RegistrationError.invalidClientMetadata("client_secret does not match the issued secret (RFC 7592 2.2)").toException();
            }
        });
        ClientMetadata metadata = checks.forRegistrant(request);
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity client = access.requireClient(clientId, credentials.authorization(), credentials.queryTokens());
            ClientDocument.apply(metadata, client);
            String secret = ClientDocument.settleSecret(metadata, client, secretEncryption);
            client.updatedAt = Instant.now();
            audit.record(
                    new AuditEvent("client.registration_updated", null, clientId, sourceIp, Map.of("via", "registration")));
            Map<String, Object> response = ClientDocument.withSecret(client, secret);
            response.put("registration_client_uri", clientUri(clientId));
            return response;
        });
    }

    /** RFC 7592 2.3: the client, its grants, tokens, consents and codes are gone (the schema cascades). */
    public void delete(String clientId, Credentials credentials, String sourceIp) {
        QuarkusTransaction.requiringNew().run(() -> {
            ClientEntity client = access.requireClient(clientId, credentials.authorization(), credentials.queryTokens());
            clients.delete(client);
            audit.record(
                    new AuditEvent("client.registration_deleted", null, clientId, sourceIp, Map.of("via", "registration")));
        });
    }

    /** RFC 7592 3: registration_client_uri, at the authorize service's public URL. */
    public String clientUri(String clientId) {
        return config.urls().authorize() + "/register/" + java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8);
    }
}
