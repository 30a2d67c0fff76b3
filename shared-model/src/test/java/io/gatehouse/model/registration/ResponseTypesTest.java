package io.gatehouse.model.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResponseTypesTest {

    @Test
    void orderOfValuesDoesNotMatter() {
        assertEquals(Optional.of("code id_token token"), ResponseTypes.canonical("token code id_token"));
        assertEquals(Optional.of("id_token token"), ResponseTypes.canonical("token id_token"));
    }

    @Test
    void plainTokenNoneAndUnknownValuesAreUnsupported() {
        assertEquals(Optional.empty(), ResponseTypes.canonical("token"));
        assertEquals(Optional.empty(), ResponseTypes.canonical("none"));
        assertEquals(Optional.empty(), ResponseTypes.canonical("code device"));
        assertEquals(Optional.empty(), ResponseTypes.canonical(""));
    }

    @Test
    void grantTypesFollowOidcRegistrationTable() {
        assertEquals(Set.of("authorization_code"), ResponseTypes.requiredGrantTypes("code"));
        assertEquals(Set.of("implicit"), ResponseTypes.requiredGrantTypes("id_token token"));
        assertEquals(Set.of("authorization_code", "implicit"), ResponseTypes.requiredGrantTypes("code id_token token"));
    }
}
