package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.ConsentEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.AuthorizationCodeRepository;
import io.gatehouse.model.repository.ConsentRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** /account: the signed-in user's saved consents, and revoking one (which revokes that client's grants). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AccountPageTest {

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    ConsentRepository consents;
    @Inject
    GrantRepository grants;
    @Inject
    AuthorizationCodeRepository codes;
    @Inject
    AccessTokenValidator validator;

    @Test
    void revokingAConsentDeletesItAndRevokesTheClientsGrants() {
        ClientEntity client = fixtures.client();
        ClientEntity other = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Map<String, String> tokens = TestBrowser.callback(Flows.run(b, Flows.request(client, "code id_token token", "openid"), user));
        Flows.run(b, Flows.request(other, "code", "openid"), user);

        Response page = b.get("/account");
        assertEquals(200, page.statusCode());
        assertEquals("DENY", page.header("X-Frame-Options"));
        Document doc = Jsoup.parse(page.asString());
        assertTrue(doc.text().contains(client.clientName));
        assertTrue(doc.text().contains(other.clientName));
        Element form = doc.select("form").stream()
                .filter(f -> client.clientId.equals(f.selectFirst("input[name=client_id]").attr("value"))).findFirst().orElseThrow();
        Map<String, String> fields = Map.of("client_id", client.clientId, "csrf", form.selectFirst("input[name=csrf]").attr("value"));

        Response forged = b.post("/account/consents/revoke", Map.of("client_id", client.clientId, "csrf", "forged"));
        assertEquals(403, forged.statusCode());
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> consents.findById(new ConsentEntity.Key(user.id, client.clientId))));

        Response revoked = b.post(form.attr("action"), fields);
        assertEquals(303, revoked.statusCode());
        assertNull(QuarkusTransaction.requiringNew().call(() -> consents.findById(new ConsentEntity.Key(user.id, client.clientId))));
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> consents.findById(new ConsentEntity.Key(user.id, other.clientId))));
        java.util.UUID grantId = QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(tokens.get("code"))).grantId);
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> grants.findById(grantId).revokedAt), "the grant is revoked");
        try {
            validator.validate(tokens.get("access_token"));
            throw new AssertionError("the access token of a revoked grant must not validate");
        } catch (AccessTokenValidator.InvalidAccessTokenException expected) {
            // revoked with its grant
        }
        assertTrue(Flows.isConsentPage(b.follow(b.authorize(Flows.request(client, "code", "openid")))), "consent is asked again");
    }

    @Test
    void accountPageWithoutSessionSaysSo() {
        Response r = new TestBrowser().get("/account");
        assertEquals(403, r.statusCode(), "not 401: there is no HTTP authentication scheme to challenge with");
        assertNull(r.header("WWW-Authenticate"));
        assertTrue(r.asString().contains("not signed in"));
    }
}
