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

    /** Issue 16.4: every replica imports at start; concurrent importers must not collide on the primary keys. */
    @Test
    void concurrentImportersWriteOnceAndNoneFails() throws Exception {
        String tag = Long.toHexString(System.nanoTime());
        BootstrapDocument doc = new BootstrapDocument(
                java.util.List.of(new BootstrapDocument.Client("race-" + tag, "s3cret-" + tag, "Race", java.util.List.of("https://rp.example/cb"),
                        null, null, null, null, null, null, null, null)),
                java.util.List.of(new BootstrapDocument.User("race-user-" + tag, "pw-" + tag, java.util.Map.of("mail", "r@example.org"))));
        int importers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(importers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<BootstrapImporter.Result>> results = new java.util.ArrayList<>();
        for (int i = 0; i < importers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return importer.apply(doc);
            }));
        }
        start.countDown();
        int written = 0;
        for (java.util.concurrent.Future<BootstrapImporter.Result> r : results) {
            BootstrapImporter.Result result = r.get(60, java.util.concurrent.TimeUnit.SECONDS); // throws if any importer failed
            written += result.clientsWritten() + result.usersWritten();
        }
        pool.shutdown();
        assertEquals(2, written, "one importer writes the client and the user, the others find nothing to change");
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> clients.findById("race-" + tag)));
    }
}
