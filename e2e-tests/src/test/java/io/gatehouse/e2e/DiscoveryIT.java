package io.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gatehouse.testsupport.DiscoveryRules;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The discovery document and JWKS of the running suite, and every endpoint it advertises. */
class DiscoveryIT {

    private static final String OPENID = "/.well-known/openid-configuration";

    private static Map<String, Object> discovery() {
        return given().get(RunningSuite.get().issuer() + OPENID).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void documentAtTheIssuerSatisfiesDiscoveryAndTheConfigOpChecks() {
        String issuer = RunningSuite.get().issuer();
        given().get(issuer + OPENID).then().statusCode(200).contentType(startsWith("application/json"))
                .header("Cache-Control", "public, max-age=300").header("Access-Control-Allow-Origin", "*");
        Map<String, Object> doc = discovery();
        boolean complete = doc.containsKey("authorization_endpoint") && doc.containsKey("token_endpoint");
        assertEquals(List.of(), DiscoveryRules.violations(doc, issuer + OPENID, complete));
        assertEquals(issuer, doc.get("issuer"));
    }

    @Test
    void authorizationServerMetadataIsTheSameDocument() {
        Map<String, Object> metadata = given().get(RunningSuite.get().issuer() + "/.well-known/oauth-authorization-server")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(discovery(), metadata);
    }

    @Test
    void everyAdvertisedEndpointAnswers() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> silent = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        for (Map.Entry<String, Object> member : discovery().entrySet()) {
            String name = member.getKey();
            if (!(name.endsWith("_endpoint") || name.equals("jwks_uri") || name.equals("check_session_iframe"))) {
                continue;
            }
            String url = (String) member.getValue();
            walked.add(name);
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                // Anything but "nothing here" counts: a 400, 401 or 405 proves the endpoint is served.
                if (r.statusCode() == 404) {
                    silent.add(name + " " + url + " answered 404");
                }
            } catch (ConnectException e) {
                silent.add(name + " " + url + " refused the connection");
            } catch (IOException e) {
                silent.add(name + " " + url + " failed: " + e);
            }
        }
        assertFalse(walked.isEmpty());
        assertEquals(List.of(), silent, "walked " + walked);
    }

    @Test
    void jwksAdvertisedByTheDocumentHasOneKeyPerAlgorithmAndNoPrivateMember() {
        String jwksUri = (String) discovery().get("jwks_uri");
        Map<String, Object> jwks = given().get(jwksUri).then().statusCode(200).contentType(startsWith("application/json"))
                .header("Cache-Control", "public, max-age=300").header("Access-Control-Allow-Origin", "*")
                .extract().jsonPath().getMap("");
        assertEquals(List.of(), DiscoveryRules.jwksViolations(jwks));
    }
}
