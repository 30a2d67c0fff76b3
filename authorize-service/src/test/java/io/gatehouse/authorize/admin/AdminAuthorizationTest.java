package io.gatehouse.authorize.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every admin operation is a protected resource (RFC 6750): no token, a bad token, a token of a disabled client or
 * user or of a revoked grant, and a token without the gatehouse:admin scope are all refused before anything runs.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AdminAuthorizationTest {

    /** Every operation of the admin API, as method and path. */
    static final List<String[]> OPERATIONS = List.of(
            new String[] {"GET", "/admin/clients"}, new String[] {"POST", "/admin/clients"},
            new String[] {"GET", "/admin/clients/c1"}, new String[] {"PUT", "/admin/clients/c1"},
            new String[] {"POST", "/admin/clients/c1/secret"}, new String[] {"POST", "/admin/clients/c1/disable"},
            new String[] {"POST", "/admin/clients/c1/enable"}, new String[] {"DELETE", "/admin/clients/c1"},
            new String[] {"GET", "/admin/users"}, new String[] {"POST", "/admin/users"},
            new String[] {"GET", "/admin/users/u1"}, new String[] {"PUT", "/admin/users/u1/attributes"},
            new String[] {"PATCH", "/admin/users/u1/attributes"}, new String[] {"PUT", "/admin/users/u1/password"},
            new String[] {"POST", "/admin/users/u1/disable"}, new String[] {"POST", "/admin/users/u1/enable"},
            new String[] {"DELETE", "/admin/users/u1"}, new String[] {"DELETE", "/admin/users/u1/second-factor"},
            new String[] {"GET", "/admin/users/u1/consents"},
            new String[] {"DELETE", "/admin/users/u1/consents/c1"}, new String[] {"GET", "/admin/users/u1/sessions"},
            new String[] {"DELETE", "/admin/users/u1/sessions/s1"}, new String[] {"GET", "/admin/keys"},
            new String[] {"GET", "/admin/audit-events"});

    @Inject
    AdminFixtures fixtures;

    static ValidatableResponse call(String[] op, String authorization) {
        var spec = given().contentType(ContentType.JSON).body("{}");
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        return spec.request(op[0], op[1]).then();
    }

    static void invalidToken(ValidatableResponse r, String op) {
        r.statusCode(401).header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")).body("error", equalTo("invalid_token"));
    }

    @Test
    void everyOperationWithoutTokenGetsBareBearerChallenge() {
        for (String[] op : OPERATIONS) {
            call(op, null).statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
            call(op, "Basic YWRtaW46YWRtaW4=").statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        }
    }

    @Test
    void everyOperationWithABadTokenIsInvalidToken() {
        String forged = fixtures.adminToken().value();
        forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String[] op : OPERATIONS) {
            invalidToken(call(op, "Bearer not-a-token"), op[1]);
            invalidToken(call(op, "Bearer " + forged), op[1]);
        }
    }

    @Test
    void everyOperationWithoutTheAdminScopeIsInsufficientScope() {
        AdminFixtures.Token token = fixtures.clientToken("api.read gatehouse:admin.read");
        for (String[] op : OPERATIONS) {
            call(op, token.bearer()).statusCode(403)
                    .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                    .header("WWW-Authenticate", containsString("scope=\"gatehouse:admin\""))
                    .body("error", equalTo("insufficient_scope"));
        }
    }

    @Test
    void everyOperationWithTheTokenOfADisabledAdminClientIsInvalidToken() {
        AdminFixtures.Token token = fixtures.adminToken();
        call(new String[] {"GET", "/admin/keys"}, token.bearer()).statusCode(200);
        fixtures.disableClient(token.clientId());
        for (String[] op : OPERATIONS) {
            invalidToken(call(op, token.bearer()), op[1]);
        }
    }

    @Test
    void tokenOfAClientNoLongerRegisteredForTheAdminScopeIsInsufficientScope() {
        AdminFixtures.Token token = fixtures.adminToken();
        call(new String[] {"GET", "/admin/keys"}, token.bearer()).statusCode(200);
        fixtures.updateClient(token.clientId(), c -> c.scope = "api.read");
        for (String[] op : OPERATIONS) {
            call(op, token.bearer()).statusCode(403)
                    .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                    .body("error", equalTo("insufficient_scope"))
                    .body("error_description", containsString("not an operator client"));
        }
    }

    @Test
    void tokenOfADynamicallyRegisteredClientIsInsufficientScopeEvenWithTheAdminScope() {
        AdminFixtures.Token token = fixtures.adminToken();
        fixtures.updateClient(token.clientId(), c -> c.registrationTokenHash = "registered-through-rfc-7591");
        for (String[] op : OPERATIONS) {
            call(op, token.bearer()).statusCode(403).body("error", equalTo("insufficient_scope"));
        }
    }

    @Test
    void tokenOfARevokedGrantIsInvalidToken() {
        AdminFixtures.Token token = fixtures.adminToken();
        fixtures.revokeGrant(token.grantId());
        for (String[] op : OPERATIONS) {
            invalidToken(call(op, token.bearer()), op[1]);
        }
    }

    @Test
    void userTokenWithTheAdminScopeWorksUntilTheUserIsDisabled() {
        UserEntity operator = fixtures.user("operator");
        AdminFixtures.Token token = fixtures.userToken(operator.id, "openid gatehouse:admin");
        call(new String[] {"GET", "/admin/keys"}, token.bearer()).statusCode(200);
        fixtures.disableUser(operator.id);
        invalidToken(call(new String[] {"GET", "/admin/keys"}, token.bearer()), "/admin/keys");
    }

    @Test
    void tokenInTheQueryStringIsInvalidRequest() {
        AdminFixtures.Token token = fixtures.adminToken();
        given().queryParam("access_token", token.value()).get("/admin/keys").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void validAdminTokenReachesEveryOperation() {
        AdminFixtures.Token token = fixtures.adminToken();
        for (String[] op : OPERATIONS) {
            int status = call(op, token.bearer()).extract().statusCode();
            if (status == 401 || status == 403 || status >= 500) {
                throw new AssertionError(op[0] + " " + op[1] + " answered " + status);
            }
        }
    }
}
