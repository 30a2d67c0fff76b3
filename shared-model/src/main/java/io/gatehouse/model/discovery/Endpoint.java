package io.gatehouse.model.discovery;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The capability registry of endpoints (DESIGN.md "Rules of the house"): every public path Gatehouse serves,
 * the service that owns it, and the discovery member that advertises it (OIDC Discovery 1.0 section 3,
 * RFC 8414 section 2). The discovery document, the ingress routing table and the tests that check both are
 * generated from this one list. {@code implemented} is false until the code serves the path: such an endpoint
 * is not advertised. The ingress routes every entry regardless (its owner answers 404 until it serves the path),
 * so routing never lags behind a flag (deploy/README.md).
 */
public enum Endpoint {
    AUTHORIZATION("authorization_endpoint", "/authorize", Service.AUTHORIZE, true),
    TOKEN("token_endpoint", "/token", Service.TOKEN, true),
    USERINFO("userinfo_endpoint", "/userinfo", Service.USERINFO, true),
    JWKS("jwks_uri", "/jwks", Service.DISCOVERY, true),
    REVOCATION("revocation_endpoint", "/revoke", Service.TOKEN, true),
    INTROSPECTION("introspection_endpoint", "/introspect", Service.TOKEN, true),
    PUSHED_AUTHORIZATION_REQUEST("pushed_authorization_request_endpoint", "/par", Service.AUTHORIZE, true),
    REGISTRATION("registration_endpoint", "/register", Service.AUTHORIZE, true),
    END_SESSION("end_session_endpoint", "/end-session", Service.AUTHORIZE, true),
    DEVICE_AUTHORIZATION("device_authorization_endpoint", "/device_authorization", Service.TOKEN, true),
    /** Discovery documents themselves (no metadata member). */
    OPENID_CONFIGURATION(null, "/.well-known/openid-configuration", Service.DISCOVERY, true),
    OAUTH_AUTHORIZATION_SERVER(null, "/.well-known/oauth-authorization-server", Service.DISCOVERY, true),
    /** User-facing pages of the authorization endpoint (login, consent, account, device user code entry). */
    LOGIN_PAGE(null, "/login", Service.AUTHORIZE, true),
    CONSENT_PAGE(null, "/consent", Service.AUTHORIZE, true),
    ACCOUNT_PAGE(null, "/account", Service.AUTHORIZE, true),
    DEVICE_PAGE(null, "/device", Service.AUTHORIZE, true),
    /** The operators' API (issue: administration). */
    ADMIN_API(null, "/admin", Service.AUTHORIZE, true),
    /**
     * The operators' emergency key rotation, served by discovery-service which owns the keys; routed before
     * {@code /admin} (longer prefix). Listing keys stays in the admin API ({@code GET /admin/keys}).
     */
    ADMIN_KEY_ROTATION(null, "/admin/keys/rotate", Service.DISCOVERY, true);

    private final String metadataMember;
    private final String path;
    private final Service owner;
    private final boolean implemented;

    Endpoint(String metadataMember, String path, Service owner, boolean implemented) {
        this.metadataMember = metadataMember;
        this.path = path;
        this.owner = owner;
        this.implemented = implemented;
    }

    /** The discovery member that carries this endpoint's URL, if it is advertised there. */
    public Optional<String> metadataMember() {
        return Optional.ofNullable(metadataMember);
    }

    /** The path, also the prefix under which sub-paths (e.g. {@code /admin/clients}) live. */
    public String path() {
        return path;
    }

    public Service owner() {
        return owner;
    }

    public boolean implemented() {
        return implemented;
    }

    /** Endpoints that the code serves today. */
    public static List<Endpoint> served() {
        return Arrays.stream(values()).filter(Endpoint::implemented).toList();
    }
}
