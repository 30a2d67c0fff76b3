package io.gatehouse.model.logout;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.LogoutDeliveryEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.gatehouse.model.job.ScheduledJobs;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends queued logout tokens: HTTP POST {@code logout_token=...} (Back-Channel Logout 1.0 section 2.5), bounded
 * timeouts, no redirects followed, addresses checked by {@link OutboundAddressPolicy}, retries with exponential
 * backoff. Due rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas never send one notice twice
 * at once. A 200 or 204 is success; anything else is retried until {@code max-attempts}.
 */
@ApplicationScoped
public class BackchannelDeliveryWorker {

    private static final Logger LOG = Logger.getLogger(BackchannelDeliveryWorker.class);
    private static final int BATCH = 20;

    @Inject
    ScheduledJobs jobs;
    @Inject
    LogoutConfig config;
    @Inject
    GatehouseConfig gatehouse;
    @Inject
    EntityManager em;
    @Inject
    BackchannelLogout logout;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).build();

    @Scheduled(every = "${gatehouse.logout.delivery-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (config.deliveryEnabled()) {
            jobs.run("back-channel logout delivery", this::deliverDue);
        }
    }

    /** Sends every due notice once; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (int round = 0; round < 10; round++) {
            List<Long> ids = QuarkusTransaction.requiringNew().call(this::claimDue);
            if (ids.isEmpty()) {
                break;
            }
            for (Long id : ids) {
                if (attempt(id)) {
                    delivered++;
                }
            }
        }
        return delivered;
    }

    /** Takes the due rows out of the queue for a short lease so no other replica picks them meanwhile. */
    @SuppressWarnings("unchecked")
    List<Long> claimDue() {
        List<Number> ids = em.createNativeQuery("update logout_deliveries set next_attempt_at = now() + interval '60 seconds' "
                        + "where id in (select id from logout_deliveries where delivered_at is null and failed_at is null "
                        + "and next_attempt_at <= now() order by next_attempt_at limit " + BATCH + " for update skip locked) returning id")
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private boolean attempt(long id) {
        Due due = QuarkusTransaction.requiringNew().call(() -> {
            LogoutDeliveryEntity d = em.find(LogoutDeliveryEntity.class, id);
            ClientEntity client = d == null ? null : em.find(ClientEntity.class, d.clientId);
            return d == null || d.deliveredAt != null || client == null ? null : new Due(d, client);
        });
        if (due == null) {
            return false;
        }
        String error = send(due.delivery(), logout.logoutToken(due.delivery(), due.client()));
        QuarkusTransaction.requiringNew().run(() -> {
            LogoutDeliveryEntity row = em.find(LogoutDeliveryEntity.class, id);
            row.attempts++;
            if (error == null) {
                row.deliveredAt = Instant.now();
                row.lastError = null;
            } else if (row.attempts >= config.maxAttempts()) {
                row.failedAt = Instant.now();
                row.lastError = error;
                LOG.warnf("back-channel logout to client %s given up after %d attempts: %s", row.clientId, row.attempts, error);
            } else {
                long backoff = config.initialBackoff().toMillis() << Math.min(row.attempts - 1, 10);
                row.nextAttemptAt = Instant.now().plusMillis(backoff);
                row.lastError = error;
            }
        });
        return error == null;
    }

    private record Due(LogoutDeliveryEntity delivery, ClientEntity client) {
    }

    /** Null on success, otherwise a short reason (never the token). */
    private String send(LogoutDeliveryEntity d, String logoutToken) {
        boolean allowInternal = config.allowInternalAddresses() || gatehouse.devMode();
        String rejected = new OutboundAddressPolicy(allowInternal).rejection(d.logoutUri);
        if (rejected != null) {
            return "logout URI refused: " + rejected;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.logoutUri))
                    .timeout(config.deliveryTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cache-Control", "no-store")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status == 200 || status == 204 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
