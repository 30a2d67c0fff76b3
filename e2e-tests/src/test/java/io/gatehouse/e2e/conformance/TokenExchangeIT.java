package io.gatehouse.e2e.conformance;

import static io.gatehouse.e2e.conformance.DynamicClients.basicMetadata;
import static io.gatehouse.e2e.conformance.DynamicClients.register;
import static io.gatehouse.e2e.conformance.DynamicClients.registered;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.SuiteKeys;
import io.gatehouse.e2e.conformance.DynamicClients.Registered;
import io.gatehouse.e2e.conformance.PairwiseSubjectsIT.Signed;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token exchange (RFC 8693) over HTTP: an operator gives a client a policy through the admin API; the client
 * impersonates or acts for a user whose token another client got, narrowed in scope and aimed at an audience;
 * every refusal carries the RFC's error; revoking the subject's grant revokes the exchanged token.
 */
class TokenExchangeIT {

    static final String TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String AT = "urn:ietf:params:oauth:token-type:access_token";
    static final String ID = "urn:ietf:params:oauth:token-type:id_token";
    static final String API = "https://api.example/orders";
    static String adminToken;

    @BeforeAll
    static void operator() throws Exception {
        RunningSuite.get();
        String operator = "te-operator-" + UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        try (Connection c = SuiteKeys.database()) {
            update(c, "insert into clients (client_id, scope, grant_types) values (?, 'gatehouse:admin', '{client_credentials}')", operator);
            update(c, "insert into grants (id, client_id, scope) values (?, ?, 'gatehouse:admin')", grant, operator);
        }
        adminToken = SuiteKeys.accessToken(SuiteKeys.active("RS256"), RunningSuite.get().issuer(), operator, operator,
                "gatehouse:admin", grant);
    }

    static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /** A client made by the operator with {@code policy}; returns its id and secret. */
    static String[] exchanger(Map<String, Object> policy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_name", "exchanger");
        body.put("redirect_uris", List.of());
        body.put("grant_types", List.of(TYPE));
        body.put("scope", "openid profile");
        if (policy != null) {
            body.put("token_exchange", policy);
        }
        Response r = given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(body)
                .post(RunningSuite.url("authorize-service") + "/admin/clients");
        assertEquals(201, r.statusCode(), r::asString);
        return new String[] {r.jsonPath().getString("client_id"), r.jsonPath().getString("client_secret")};
    }

    static Response exchange(String[] client, Map<String, String> form) {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("grant_type", TYPE);
        return given().auth().preemptive().basic(client[0], client[1]).contentType("application/x-www-form-urlencoded")
                .formParams(f).post(DynamicClients.discovery().getString("token_endpoint"));
    }

    static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    static void error(Response r, String error) {
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals(error, r.jsonPath().getString("error"), r::asString);
    }

    static Signed signIn(Registered frontend) {
        return PairwiseSubjectsIT.signIn(frontend, new UserAgentDriver(new Browser(), ConformanceFlows.USER,
                ConformanceFlows.PASSWORD), Map.of());
    }

    static Registered frontend() {
        Map<String, Object> m = basicMetadata("http://localhost:9090/te-" + RelyingParty.random());
        m.put("grant_types", List.of("authorization_code"));
        return registered(m, null);
    }

    @Test
    void impersonationAndDelegationWithinThePolicy() throws Exception {
        Registered frontend = frontend();
        Signed user = signIn(frontend);
        String[] gateway = exchanger(Map.of("subject_clients", List.of(frontend.clientId()), "audiences", List.of(API),
                "impersonation", true, "delegation", true));

        // Impersonation for the API: narrowed scope, the API as audience, the user as subject.
        Response r = exchange(gateway, Map.of("subject_token", user.accessToken(), "subject_token_type", AT,
                "audience", API, "scope", "openid"));
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(AT, r.jsonPath().getString("issued_token_type")); // RFC 8693 2.2.1
        assertEquals("Bearer", r.jsonPath().getString("token_type"));
        assertEquals("openid", r.jsonPath().getString("scope"));
        assertNull(r.jsonPath().getString("refresh_token"));
        String forApi = r.jsonPath().getString("access_token");
        JWTClaimsSet c = claims(forApi);
        assertEquals(List.of(API), c.getAudience());
        assertEquals(user.sub(), c.getSubject());
        assertEquals(gateway[0], c.getStringClaim("client_id"));
        assertNull(c.getClaim("act"));
        // The API introspects it; Gatehouse's own userinfo is not its audience.
        JsonPath i = introspect(gateway, forApi);
        assertEquals(true, i.getBoolean("active"));
        assertEquals(401, given().auth().oauth2(forApi).get(frontend.rp().endpoint("userinfo_endpoint")).statusCode());
        // Without an audience the token is for Gatehouse itself.
        String own = exchange(gateway, Map.of("subject_token", user.accessToken(), "subject_token_type", AT))
                .then().statusCode(200).extract().jsonPath().getString("access_token");
        assertEquals(user.sub(), frontend.rp().userinfo(own).jsonPath().getString("sub"));

        // Delegation: the actor is named in act, and earlier actors nest (RFC 8693 4.1).
        Signed actor = signIn(frontend);
        String delegated = exchange(gateway, Map.of("subject_token", user.accessToken(), "subject_token_type", AT,
                "actor_token", actor.accessToken(), "actor_token_type", AT)).then().statusCode(200).extract().jsonPath()
                .getString("access_token");
        Map<String, Object> act = claims(delegated).getJSONObjectClaim("act");
        assertEquals(actor.sub(), act.get("sub"));
        assertEquals(frontend.clientId(), act.get("client_id"));
        String[] second = exchanger(Map.of("subject_clients", List.of(gateway[0], frontend.clientId()), "delegation", true));
        String twice = exchange(second, Map.of("subject_token", delegated, "subject_token_type", AT,
                "actor_token", actor.accessToken(), "actor_token_type", AT)).then().statusCode(200).extract().jsonPath()
                .getString("access_token");
        Map<String, Object> outer = claims(twice).getJSONObjectClaim("act");
        assertNotNull(outer.get("act"), "the prior actor is nested");

        // An ID token issued here may be the subject too.
        Response fromId = exchange(gateway, Map.of("subject_token", user.idToken(), "subject_token_type", ID));
        assertEquals(200, fromId.statusCode(), fromId::asString);
        assertEquals("openid", fromId.jsonPath().getString("scope"));

        // Revoking the subject's grant revokes every token exchanged from it, down the chain.
        UUID subjectGrant = UUID.fromString(claims(user.accessToken()).getStringClaim("grant_id"));
        try (Connection db = SuiteKeys.database()) {
            update(db, "update grants set revoked_at = now() where id = ?", subjectGrant);
        }
        assertEquals(false, introspect(gateway, forApi).getBoolean("active"));
        assertEquals(false, introspect(gateway, twice).getBoolean("active"));
    }

    static JsonPath introspect(String[] client, String token) {
        Response r = given().auth().preemptive().basic(client[0], client[1]).formParam("token", token)
                .post(DynamicClients.discovery().getString("introspection_endpoint"));
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    @Test
    void everyRefusalIsTheRfcsError() {
        Registered frontend = frontend();
        Signed user = signIn(frontend);
        String at = user.accessToken();
        String[] gateway = exchanger(Map.of("subject_clients", List.of(frontend.clientId()), "audiences", List.of(API),
                "impersonation", true));
        error(exchange(gateway, Map.of("subject_token", at, "subject_token_type", AT, "scope", "openid email")), "invalid_scope");
        error(exchange(gateway, Map.of("subject_token", at, "subject_token_type", AT, "audience", "https://other.example")),
                "invalid_target");
        error(exchange(gateway, Map.of("subject_token", at, "subject_token_type", AT, "resource", "not a uri")), "invalid_target");
        error(exchange(gateway, Map.of("subject_token", at, "subject_token_type", "urn:ietf:params:oauth:token-type:saml2")),
                "invalid_request");
        error(exchange(gateway, Map.of("subject_token", at, "subject_token_type", AT,
                "requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token")), "invalid_request");
        error(exchange(gateway, Map.of("subject_token", at + "x", "subject_token_type", AT)), "invalid_request");
        error(exchange(gateway, Map.of("subject_token_type", AT)), "invalid_request");
        error(exchange(gateway, Map.of("subject_token", at)), "invalid_request");
        // Delegation is not in this policy; actor_token_type belongs with an actor_token.
        error(exchange(gateway, Map.of("subject_token", at, "subject_token_type", AT, "actor_token", at, "actor_token_type", AT)),
                "invalid_request");
        error(exchange(gateway, Map.of("subject_token", at, "subject_token_type", AT, "actor_token_type", AT)), "invalid_request");
        // Tokens of a client the policy does not name.
        Signed other = signIn(frontend());
        error(exchange(gateway, Map.of("subject_token", other.accessToken(), "subject_token_type", AT)), "invalid_request");
        // No policy: nobody (even with the grant type registered by the operator).
        error(exchange(exchanger(null), Map.of("subject_token", at, "subject_token_type", AT)), "invalid_request");
        // Without the grant type: unauthorized_client (RFC 6749 5.2).
        Response r = frontend.token(Map.of("grant_type", TYPE, "subject_token", at, "subject_token_type", AT));
        error(r, "unauthorized_client");
    }

    @Test
    void onlyOperatorsGiveAPolicy() {
        Map<String, Object> m = basicMetadata();
        m.put("grant_types", List.of(TYPE));
        m.put("token_exchange", Map.of("subject_clients", List.of("*"), "impersonation", true));
        Response r = register(m);
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_client_metadata", r.jsonPath().getString("error"));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("client_name", "bad");
        bad.put("grant_types", List.of(TYPE));
        bad.put("token_exchange", Map.of("impersonation", "yes"));
        Response b = given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(bad)
                .post(RunningSuite.url("authorize-service") + "/admin/clients");
        assertEquals(400, b.statusCode(), b::asString);
        assertTrue(DynamicClients.discovery().getList("grant_types_supported").contains(TYPE));
    }
}
