package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.bootstrap.BootstrapDocument;
import io.gatehouse.model.bootstrap.BootstrapImporter;
import io.gatehouse.model.crypto.Argon2idPasswordHasher;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BootstrapImportTest {

    static final Path SHIPPED = Path.of("../deploy/local/bootstrap/bootstrap.yaml");

    @Inject
    BootstrapImporter importer;
    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;

    @Test
    void shippedBootstrapImportsHashedAndASecondImportChangesNothing() {
        BootstrapDocument doc = BootstrapImporter.read(SHIPPED);
        BootstrapDocument.Client demoClient = doc.clients().get(0);
        BootstrapDocument.User demoUser = doc.users().get(0);

        importer.apply(doc);
        ClientEntity client = QuarkusTransaction.requiringNew().call(() -> clients.findById(demoClient.clientId()));
        assertNotNull(client);
        assertNotEquals(demoClient.clientSecret(), client.secretHash, "secret must not be stored in clear");
        assertTrue(Sha256.matches(demoClient.clientSecret(), client.secretHash));
        UserEntity user = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(demoUser.username()).orElseThrow());
        assertTrue(user.passwordHash.startsWith("$argon2id$"), "password hashed with Argon2id");
        assertTrue(new Argon2idPasswordHasher().verify(demoUser.password().toCharArray(), user.passwordHash));

        BootstrapImporter.Result again = importer.apply(doc);
        assertEquals(0, again.clientsWritten() + again.usersWritten(), "a restart changes nothing");
        UserEntity after = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(demoUser.username()).orElseThrow());
        assertEquals(user.passwordHash, after.passwordHash);
        assertEquals(user.updatedAt, after.updatedAt);
    }
}
