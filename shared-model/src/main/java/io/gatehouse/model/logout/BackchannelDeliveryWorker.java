package io.gatehouse.model.logout;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.LogoutDeliveryEntity;
import io.gatehouse.model.outbound.OutboundConfig;
import io.gatehouse.model.outbound.OutboundFetch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.gatehouse.model.job.ScheduledJobs;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends queued logout tokens: HTTP POST {@code logout_token=...} (Back-Channel Logout 1.0 section 2.5), bounded
 * timeouts, no redirects followed, addresses checked at connect time by {@link OutboundFetch}, retries with exponential
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

    @Inject
    OutboundFetch outbound;
    @Inject
    OutboundConfig outboundConfig;

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

    /** Null on success, otherwise a short reason (never the token; details are in the log). */
    private String send(LogoutDeliveryEntity d, String logoutToken) {
        boolean allowInternal = config.allowInternalAddresses() || gatehouse.devMode();
        OutboundFetch.Purpose purpose = new OutboundFetch.Purpose("backchannel_logout_uri", null,
                new OutboundFetch.Limits(outboundConfig.connectTimeout(), config.deliveryTimeout(), 64 * 1024), allowInternal);
        try {
            OutboundFetch.Response response = outbound.postForm(URI.create(d.logoutUri), purpose,
                    "logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8));
            int status = response.status();
            return status == 200 || status == 204 ? null : "HTTP " + status; // OIDC Back-Channel Logout 2.8
        } catch (OutboundFetch.FetchFailed | IllegalArgumentException e) {
            return "not delivered";
        }
    }
}
