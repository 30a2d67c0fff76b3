package io.gatehouse.model.client;

import io.gatehouse.model.entity.ClientEntity;
import java.util.Arrays;

/**
 * An operator (admin) client: registered by an operator, through the bootstrap file or the admin API, and registered
 * for the operator scope itself. A dynamically registered client (one holding a registration access token, RFC 7592)
 * never is, whatever scope it obtained; and taking the scope off a client withdraws the tokens it already holds.
 */
public final class OperatorClient {

    private OperatorClient() {
    }

    public static boolean holds(ClientEntity client, String operatorScope) {
        return client.registrationTokenHash == null && client.scope != null
                && Arrays.asList(client.scope.trim().split("\\s+")).contains(operatorScope);
    }
}
