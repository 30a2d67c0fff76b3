package io.gatehouse.model.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.entity.ClientEntity;
import org.junit.jupiter.api.Test;

class OperatorClientTest {

    static ClientEntity client(String scope, String registrationTokenHash) {
        ClientEntity c = new ClientEntity();
        c.clientId = "c";
        c.scope = scope;
        c.registrationTokenHash = registrationTokenHash;
        return c;
    }

    @Test
    void operatorRegisteredClientHoldingTheScopeIsOne() {
        assertTrue(OperatorClient.holds(client("gatehouse:admin", null), "gatehouse:admin"));
        assertTrue(OperatorClient.holds(client(" openid  gatehouse:admin ", null), "gatehouse:admin"));
    }

    @Test
    void clientWithoutTheScopeOrDynamicallyRegisteredIsNot() {
        assertFalse(OperatorClient.holds(client("openid gatehouse:admin.read", null), "gatehouse:admin"));
        assertFalse(OperatorClient.holds(client(null, null), "gatehouse:admin"));
        assertFalse(OperatorClient.holds(client("gatehouse:admin", "hash"), "gatehouse:admin"));
    }
}
