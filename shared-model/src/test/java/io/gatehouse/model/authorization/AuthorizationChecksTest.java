package io.gatehouse.model.authorization;

import static io.gatehouse.model.authorization.TestRequests.client;
import static io.gatehouse.model.authorization.TestRequests.code;
import static io.gatehouse.model.authorization.TestRequests.fails;
import static io.gatehouse.model.authorization.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.model.entity.ClientEntity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each check of the authorization endpoint alone, then the ordered list. */
class AuthorizationChecksTest {

    @Nested
    class DuplicateParameter {
        @Test
        void parameterSentTwiceIsInvalidRequest() {
            fails(new DuplicateParameterCheck(), request("client_id", "rp", "scope", "openid", "scope", "email"), client(), "invalid_request");
        }

        @Test
        void emptyValuesCountAsOmitted() {
            AuthorizationRequest r = request("client_id", "rp", "scope", "openid", "scope", "");
            assertDoesNotThrow(() -> new DuplicateParameterCheck().check(r, client()));
            assertEquals("openid", r.parameters().get("scope"));
        }
    }

    @Nested
    class ResponseTypeRule {
        final ResponseTypeCheck check = new ResponseTypeCheck();

        @Test
        void missingIsInvalidRequest() {
            fails(check, code("response_type", null), client(), "invalid_request");
        }

        @Test
        void unknownIsUnsupportedResponseType() {
            fails(check, code("response_type", "token"), client(), "unsupported_response_type");
            fails(check, code("response_type", "code code"), client(), "unsupported_response_type");
            fails(check, code("response_type", "none"), client(), "unsupported_response_type");
        }

        @Test
        void notRegisteredIsUnauthorizedClient() {
            fails(check, code("response_type", "code token"), client(), "unauthorized_client");
        }

        @Test
        void wordOrderDoesNotMatter() {
            assertDoesNotThrow(() -> check.check(code("response_type", "token code id_token"), client()));
        }
    }

    @Nested
    class ResponseModeRule {
        final ResponseModeCheck check = new ResponseModeCheck();

        @Test
        void knownModesPass() {
            for (String mode : new String[] {"query", "fragment", "form_post"}) {
                assertDoesNotThrow(() -> check.check(code("response_mode", mode), client()));
            }
        }

        @Test
        void unknownModeIsInvalidRequest() {
            fails(check, code("response_mode", "jwt"), client(), "invalid_request");
        }

        @Test
        void queryForTokensIsInvalidRequest() {
            fails(check, code("response_type", "id_token", "response_mode", "query"), client(), "invalid_request");
        }
    }

    @Nested
    class ScopeRule {
        final ScopeCheck check = new ScopeCheck();

        @Test
        void registeredScopesPass() {
            assertDoesNotThrow(() -> check.check(code("scope", "openid email offline_access"), client()));
        }

        @Test
        void scopeBeyondTheRegistrationIsInvalidScope() {
            fails(check, code("scope", "openid admin"), client(), "invalid_scope");
        }

        @Test
        void missingScopeIsInvalidScope() {
            fails(check, code("scope", null), client(), "invalid_scope");
        }
    }

    @Nested
    class OpenIdScopeRule {
        @Test
        void idTokenWithoutOpenidIsInvalidRequest() {
            fails(new OpenIdScopeCheck(), code("response_type", "id_token", "scope", "profile", "nonce", "n"), client(), "invalid_request");
        }

        @Test
        void codeWithoutOpenidIsPlainOAuth() {
            assertDoesNotThrow(() -> new OpenIdScopeCheck().check(code("scope", "profile"), client()));
        }
    }

    @Nested
    class NonceRule {
        final NonceCheck check = new NonceCheck();

        @Test
        void requiredWhenTheAuthorizationEndpointReturnsAnIdToken() {
            fails(check, code("response_type", "id_token"), client(), "invalid_request");
            fails(check, code("response_type", "id_token token"), client(), "invalid_request");
            fails(check, code("response_type", "code id_token"), client(), "invalid_request");
            fails(check, code("response_type", "code id_token token"), client(), "invalid_request");
        }

        @Test
        void optionalForCodeAndCodeToken() {
            assertDoesNotThrow(() -> check.check(code(), client()));
            assertDoesNotThrow(() -> check.check(code("response_type", "code token"), client()));
        }
    }

    @Nested
    class DpopJktRule {
        final DpopJktCheck check = new DpopJktCheck();

        @Test
        void aThumbprintOrNothing() {
            assertDoesNotThrow(() -> check.check(code(), client()));
            assertDoesNotThrow(() -> check.check(code("dpop_jkt", "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"), client()));
            fails(check, code("dpop_jkt", "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9X"), client(), "invalid_request");
            fails(check, code("dpop_jkt", "NzbLsXh8uDCcd+6MNwXF4W/7noWXFZAfHkxZsRGC9Xs"), client(), "invalid_request");
        }
    }

    @Nested
    class PromptRule {
        final PromptCheck check = new PromptCheck();

        @Test
        void noneWithAnotherValueIsInvalidRequest() {
            fails(check, code("prompt", "none consent"), client(), "invalid_request");
        }

        @Test
        void unknownValueIsInvalidRequest() {
            fails(check, code("prompt", "maybe"), client(), "invalid_request");
        }

        @Test
        void combinationsWithoutNonePass() {
            assertDoesNotThrow(() -> check.check(code("prompt", "login consent select_account"), client()));
            assertDoesNotThrow(() -> check.check(code("prompt", "none"), client()));
        }
    }

    @Nested
    class MaxAgeRule {
        @Test
        void mustBeANonNegativeInteger() {
            fails(new MaxAgeCheck(), code("max_age", "-1"), client(), "invalid_request");
            fails(new MaxAgeCheck(), code("max_age", "ten"), client(), "invalid_request");
            assertDoesNotThrow(() -> new MaxAgeCheck().check(code("max_age", "0"), client()));
            assertEquals(0, code("max_age", "0").maxAge().getAsLong());
        }
    }

    @Nested
    class ClaimsParameterRule {
        @Test
        void malformedClaimsAreInvalidRequest() {
            fails(new ClaimsParameterCheck(), code("claims", "not json"), client(), "invalid_request");
            fails(new ClaimsParameterCheck(), code("claims", "{\"id_token\":[]}"), client(), "invalid_request");
        }

        @Test
        void wellFormedClaimsPass() {
            assertDoesNotThrow(() -> new ClaimsParameterCheck().check(code("claims", "{\"id_token\":{\"email\":null}}"), client()));
        }
    }

    @Nested
    class Pkce {
        final PkceCheck check = new PkceCheck(false);
        final String s256 = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

        ClientEntity publicClient() {
            ClientEntity c = client();
            c.tokenEndpointAuthMethod = "none";
            return c;
        }

        @Test
        void requiredOfPublicClientsForCodes() {
            fails(check, code(), publicClient(), "invalid_request");
            assertDoesNotThrow(() -> check.check(code("code_challenge", s256, "code_challenge_method", "S256"), publicClient()));
        }

        @Test
        void notRequiredWithoutACode() {
            assertDoesNotThrow(() -> check.check(code("response_type", "id_token", "nonce", "n"), publicClient()));
        }

        @Test
        void optionalForConfidentialClients() {
            assertDoesNotThrow(() -> check.check(code(), client()));
        }

        @Test
        void plainIsRefusedUnlessEnabledAndIsTheDefaultMethod() {
            String plain = "a".repeat(43);
            fails(check, code("code_challenge", plain), client(), "invalid_request");
            fails(check, code("code_challenge", plain, "code_challenge_method", "plain"), client(), "invalid_request");
            assertDoesNotThrow(() -> new PkceCheck(true).check(code("code_challenge", plain), client()));
            assertEquals("plain", PkceCheck.effectiveMethod(code("code_challenge", plain)));
        }

        @Test
        void malformedChallengesAndOrphanMethodAreInvalidRequest() {
            fails(check, code("code_challenge", "short", "code_challenge_method", "S256"), client(), "invalid_request");
            fails(check, code("code_challenge", s256 + "=", "code_challenge_method", "S256"), client(), "invalid_request");
            fails(check, code("code_challenge_method", "S256"), client(), "invalid_request");
            fails(check, code("code_challenge", s256, "code_challenge_method", "S512"), client(), "invalid_request");
        }
    }

    @Test
    void theOrderedListReportsTheFirstBrokenRule() {
        AuthorizationChecks checks = new AuthorizationChecks(false);
        assertEquals(11, checks.checks().size());
        assertDoesNotThrow(() -> checks.verify(code(), client()));
        // Both the response type and the scope are wrong: the response type comes first.
        fails(checks::verify, code("response_type", "token", "scope", "admin"), client(), "unsupported_response_type");
    }
}
