package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered relying party (RFC 7591 client metadata). */
@Entity
@Table(name = "clients")
public class ClientEntity {
    @Id
    @Column(name = "client_id")
    public String clientId;

    /** SHA-256 of the secret ({@code Sha256.hash}); null for public clients. */
    @Column(name = "secret_hash")
    public String secretHash;

    /**
     * The clear secret AES-256-GCM encrypted under the key-encryption key ({@code ClientSecretEncryption}); only
     * for {@code client_secret_jwt}, whose HMAC key it is (RFC 7523 2.2). Null for every other method.
     */
    @Column(name = "secret_encrypted")
    public byte[] secretEncrypted;

    @Column(name = "client_name")
    public String clientName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "redirect_uris", columnDefinition = "text[]")
    public List<String> redirectUris = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "post_logout_redirect_uris", columnDefinition = "text[]")
    public List<String> postLogoutRedirectUris = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "grant_types", columnDefinition = "text[]")
    public List<String> grantTypes = new ArrayList<>(List.of("authorization_code"));

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "response_types", columnDefinition = "text[]")
    public List<String> responseTypes = new ArrayList<>(List.of("code"));

    /** Space-separated scopes the client may ask for. */
    public String scope = "openid";

    @Column(name = "token_endpoint_auth_method")
    public String tokenEndpointAuthMethod = "client_secret_basic";

    @Column(name = "application_type")
    public String applicationType = "web";

    /** Operator-trusted client: consent is not asked. */
    @Column(name = "first_party")
    public boolean firstParty;

    public boolean enabled = true;

    @Column(name = "registration_token_hash")
    public String registrationTokenHash;

    /** The full registered metadata document (RFC 7591 section 2). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> metadata = new HashMap<>();

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
}
