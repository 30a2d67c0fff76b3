package io.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.discovery.GrantType;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.grant.GrantHandlers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Discovery's grant types that involve the token endpoint are exactly the grant handlers this service runs. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class GrantVocabularyTest {

    @Inject
    GrantHandlers handlers;

    @Test
    void everyAdvertisedTokenGrantHasAHandlerAndNoHandlerIsUnadvertised() {
        Set<String> advertised = Arrays.stream(GrantType.values()).filter(g -> g.requires().contains(Endpoint.TOKEN))
                .map(GrantType::value).collect(Collectors.toSet());
        assertEquals(advertised, handlers.grantTypes());
    }
}
