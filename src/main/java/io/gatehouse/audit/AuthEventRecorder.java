package io.gatehouse.audit;

import io.gatehouse.persistence.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Records auth events without slowing the request that causes them: {@link #record} stamps the
 * event and appends it to a lock-free queue, and {@link #flush}, run by one background thread,
 * writes what has queued up to the database in batches and to the audit log.
 *
 * <p>A clean shutdown calls {@link #flush} once more after the background thread has stopped, so
 * no recorded event is lost. A crash loses the events still queued, at most one flush interval's
 * worth. When the queue contains {@code capacity} events, for example because the database is down,
 * further events are dropped and counted rather than exhausting the heap.
 */
public final class AuthEventRecorder {

    private static final Logger LOG = LogManager.getLogger(AuthEventRecorder.class);
    private static final int BATCH_SIZE = 500;

    private final Queue<AuthEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Object flushLock = new Object();
    private final Database database;
    private final Clock clock;
    private final int capacity;
    private final AuthEventListener listener;
    private final AuditLog auditLog = new AuditLog();

    public AuthEventRecorder(Database database, Clock clock, int capacity, AuthEventListener listener) {
        this.database = database;
        this.clock = clock;
        this.capacity = capacity;
        this.listener = listener;
    }

    /**
     * Stamps and queues an event without touching the database. The queue takes no lock; the
     * listener's meters lock briefly only when a new meter, such as a new error code, is created.
     */
    public void record(AuthEvent.Builder builder) {
        AuthEvent event = builder.build(clock.instant());
        listener.onEvent(event);
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.offer(event);
    }

    /**
     * Writes every queued event, in batches of {@value #BATCH_SIZE} per transaction, and returns
     * how many were taken from the queue.
     */
    public int flush() {
        synchronized (flushLock) {
            reportDropped();
            int total = 0;
            List<AuthEvent> batch = nextBatch();
            while (!batch.isEmpty()) {
                write(batch);
                total += batch.size();
                batch = nextBatch();
            }
            return total;
        }
    }

    private List<AuthEvent> nextBatch() {
        List<AuthEvent> batch = new ArrayList<>();
        AuthEvent event;
        while (batch.size() < BATCH_SIZE && (event = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(event);
        }
        return batch;
    }

    private void write(List<AuthEvent> batch) {
        try {
            database.runInTransaction(em -> batch.forEach(event -> em.persist(new StoredAuthEvent(event))));
        } catch (RuntimeException e) {
            // NOTE: the batch is not retried, so a database outage loses these events from the
            // table; the audit log below still receives them.
            LOG.error("Writing {} auth events to the database failed; they reach the audit log only", batch.size(), e);
        }
        batch.forEach(auditLog::write);
    }

    private void reportDropped() {
        long count = dropped.getAndSet(0);
        if (count > 0) {
            LOG.warn("Dropped {} auth events because {} events were already waiting to be written", count, capacity);
        }
    }
}
