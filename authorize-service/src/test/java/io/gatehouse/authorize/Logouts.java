package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.repository.SessionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a relying party and its user do around logout, step by step, in the logout tests. */
final class Logouts {

    private Logouts() {
    }

    /** A browser signed in to a client: the ID token it got and its verified claims. */
    record SignedIn(TestBrowser browser, String idToken, JWTClaimsSet claims) {
        String sid() {
            return (String) claims.getClaim("sid");
        }
    }

    /** Logs the user in at {@code client} with an implicit request in a fresh browser (or {@code b}). */
    static SignedIn signIn(SigningKeyStore keys, TestBrowser b, ClientEntity client, UserEntity user) throws Exception {
        Map<String, String> p = TestBrowser.callback(Flows.run(b, Flows.request(client, "id_token", "openid"), user));
        String idToken = p.get("id_token");
        assertNotNull(idToken, p.toString());
        JWTClaimsSet claims = Flows.verifyIdToken(keys, idToken);
        assertNotNull(claims.getClaim("sid"), "ID tokens carry sid (Front- and Back-Channel Logout)");
        return new SignedIn(b, idToken, claims);
    }

    static Response endSession(TestBrowser b, Map<String, String> params) {
        return b.get("/end-session" + (params.isEmpty() ? "" : "?" + TestBrowser.query(params)));
    }

    static Map<String, String> params(String... nameValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            p.put(nameValues[i], nameValues[i + 1]);
        }
        return p;
    }

    /** A prompt=none request of the client: the callback parameters (a session is needed to get a response). */
    static Map<String, String> promptNone(TestBrowser b, ClientEntity client) {
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("prompt", "none");
        return TestBrowser.callback(b.authorize(req));
    }

    static boolean isConfirmationPage(Response r) {
        return r.asString().contains("action=\"/end-session/confirm\"");
    }

    static boolean isSignedOutPage(Response r) {
        return r.statusCode() == 200 && r.asString().contains("You are signed out");
    }

    static SessionEntity session(SessionRepository sessions, String sid) {
        return QuarkusTransaction.requiringNew().call(() -> sessions.findById(sid));
    }

    /** Submits the confirmation form with the button of {@code action} ("logout" or "cancel"). */
    static Response answerConfirmation(TestBrowser b, Response page, String action) {
        return b.submit(TestBrowser.form(page).with("action", action));
    }
}
