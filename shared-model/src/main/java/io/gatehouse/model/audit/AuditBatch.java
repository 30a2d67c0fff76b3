package io.gatehouse.model.audit;

import io.gatehouse.model.jose.Json;
import io.gatehouse.model.store.AuditEventRows;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Audit events written off the request path: queued when the decision's transaction commits (never for one that rolls
 * back), written by one thread in multi-row inserts every {@code gatehouse.audit.flush-interval}, and flushed at
 * shutdown. What a crash can lose is the queue, at most one flush interval of events; a full queue makes requests wait
 * up to a second, then the event goes to the log at ERROR (and {@code gatehouse.audit.unwritten}) instead. Only events
 * that may be lost that way come here (tokens issued); security events are written in the caller's transaction by
 * {@link AuditTrail#record}.
 */
@ApplicationScoped
public class AuditBatch {

    private static final Logger LOG = Logger.getLogger(AuditBatch.class);

    @Inject
    AuditEventRows rows;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    MeterRegistry metrics;
    @Inject
    AuditConfig config;

    private BlockingQueue<AuditEventRows.Row> queue;
    private Thread writer;
    private volatile boolean closed;
    /** Events handed to the queue, and events written or given up on: flush() waits for the second to catch up. */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();

    void start(@Observes StartupEvent event) {
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
        writer = new Thread(this::run, "gatehouse-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues {@code event} once the current transaction commits (at once without one). */
    public void afterCommit(AuditEvent event) {
        AuditEventRows.Row row = new AuditEventRows.Row(Instant.now(), event.type(), event.userId(), event.clientId(),
                event.sourceIp(), Json.writeString(event.details()));
        if (transactions.getTransactionKey() == null) {
            enqueue(row);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    enqueue(row);
                }
            }
        });
    }

    private void enqueue(AuditEventRows.Row row) {
        metrics.counter("gatehouse.audit.events", "type", row.type()).increment();
        try {
            if (!closed && queue.offer(row, 1, TimeUnit.SECONDS)) {
                queued.incrementAndGet();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closed && write(List.of(row))) {
            return; // after the final flush (requests finishing during shutdown): written directly
        }
        unwritten(row);
    }

    private void unwritten(AuditEventRows.Row row) {
        metrics.counter("gatehouse.audit.unwritten", "type", row.type()).increment();
        LOG.errorf("audit event not written to the database: %s %s user=%s client=%s ip=%s %s", row.occurredAt(), row.type(),
                row.userId(), row.clientId(), row.sourceIp(), row.detailsJson());
    }

    private void run() {
        List<AuditEventRows.Row> batch = new ArrayList<>();
        long backoff = 100;
        while (!closed || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AuditEventRows.Row first = closed ? queue.poll()
                            : queue.poll(config.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    if (!closed) {
                        // Gather what the next flush interval brings into the same insert (stop() interrupts this).
                        gather(batch);
                    }
                    queue.drainTo(batch, AuditEventRows.MAX_ROWS - batch.size());
                }
                if (write(batch)) {
                    settled.addAndGet(batch.size());
                    batch.clear();
                    backoff = 100;
                } else if (closed) {
                    batch.forEach(this::unwritten);
                    settled.addAndGet(batch.size());
                    batch.clear();
                } else {
                    Thread.sleep(backoff); // the database is away: keep the batch and try again
                    backoff = Math.min(backoff * 2, 5_000);
                }
            } catch (InterruptedException e) {
                if (!closed) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void gather(List<AuditEventRows.Row> batch) throws InterruptedException {
        long deadline = System.nanoTime() + config.flushInterval().toNanos();
        while (batch.size() < AuditEventRows.MAX_ROWS) {
            long left = deadline - System.nanoTime();
            AuditEventRows.Row next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private boolean write(List<AuditEventRows.Row> batch) {
        try {
            rows.insert(batch);
            return true;
        } catch (Exception e) {
            LOG.warnf("audit events not written yet (%d waiting): %s", batch.size(), e.getMessage());
            return false;
        }
    }

    /** Writes what is queued before the service stops (Quarkus shutdown: datasource still open). */
    void stop(@Observes ShutdownEvent event) {
        closed = true;
        if (writer == null) {
            return;
        }
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits (up to ten seconds) until every event queued before the call is written or given up on: for tests, and for
     * callers that must read their own events.
     */
    public void flush() throws InterruptedException {
        long target = queued.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (settled.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
