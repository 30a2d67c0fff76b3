package io.gatehouse.model.bootstrap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The bootstrap file: clients and users to exist at start (JSON or YAML). Member names follow RFC 7591
 * client metadata. Secrets and passwords appear here in clear and are hashed on import.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record BootstrapDocument(List<Client> clients, List<User> users) {

    public BootstrapDocument {
        clients = clients == null ? List.of() : List.copyOf(clients);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record Client(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("client_secret") String clientSecret,
            @JsonProperty("client_name") String clientName,
            @JsonProperty("redirect_uris") List<String> redirectUris,
            @JsonProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
            @JsonProperty("grant_types") List<String> grantTypes,
            @JsonProperty("response_types") List<String> responseTypes,
            @JsonProperty("scope") String scope,
            @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
            @JsonProperty("application_type") String applicationType,
            @JsonProperty("first_party") Boolean firstParty,
            @JsonProperty("metadata") Map<String, Object> metadata) {
    }

    public record User(
            @JsonProperty("username") String username,
            @JsonProperty("password") String password,
            @JsonProperty("attributes") Map<String, Object> attributes) {
    }
}
