package io.gatehouse.authorize.admin;

/** Names the admin API uses in its OpenAPI document (served at /q/openapi). */
final class AdminOpenApi {

    /** The bearer security scheme (quarkus.smallrye-openapi.security-scheme-name). */
    static final String SCHEME = "gatehouse-admin";

    private AdminOpenApi() {
    }
}
