package io.gatehouse.audit;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads stored auth events. Events still in the recorder's queue are not visible yet. */
public final class AuthEventStore {

    private final Database database;

    public AuthEventStore(Database database) {
        this.database = database;
    }

    /**
     * Returns the events in {@code [from, to)}, oldest first.
     *
     * @throws GatehouseException {@code MALFORMED_REQUEST} when the range contains more than
     *     {@code maxEvents} events, so that one report cannot exhaust the heap
     */
    public List<AuthEvent> between(Instant from, Instant to, int maxEvents) {
        List<StoredAuthEvent> rows = database.inTransaction(em -> em.createQuery(
                        "select e from StoredAuthEvent e where e.occurredAt >= :from and e.occurredAt < :to order by e.occurredAt, e.id",
                        StoredAuthEvent.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(maxEvents + 1)
                .getResultList());
        if (rows.size() > maxEvents) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST,
                    "The range holds more than " + maxEvents + " events; choose a shorter range with 'from' and 'to'.");
        }
        return rows.stream().map(StoredAuthEvent::toEvent).filter(Objects::nonNull).toList();
    }

    /** Returns up to {@code limit} events matching the filter, newest first. */
    public List<AuthEvent> recent(EventFilter filter, int limit) {
        return database.inTransaction(em -> query(em, filter)
                .setMaxResults(limit)
                .getResultStream()
                .map(StoredAuthEvent::toEvent)
                .filter(Objects::nonNull)
                .toList());
    }

    private static TypedQuery<StoredAuthEvent> query(EntityManager em, EventFilter filter) {
        StringBuilder jpql = new StringBuilder("select e from StoredAuthEvent e where e.occurredAt >= :from and e.occurredAt < :to");
        if (filter.type() != null) {
            jpql.append(" and e.type = :type");
        }
        if (filter.userId() != null) {
            jpql.append(" and e.userId = :user");
        }
        jpql.append(" order by e.occurredAt desc, e.id desc");
        TypedQuery<StoredAuthEvent> query = em.createQuery(jpql.toString(), StoredAuthEvent.class)
                .setParameter("from", filter.from())
                .setParameter("to", filter.to());
        if (filter.type() != null) {
            query.setParameter("type", filter.type().wireName());
        }
        if (filter.userId() != null) {
            query.setParameter("user", filter.userId());
        }
        return query;
    }

    /** Returns, per account, the User-Agents of its successful logins before {@code before}. */
    public Map<UUID, Set<String>> loginUserAgentsBefore(Instant before, Collection<UUID> users) {
        Map<UUID, Set<String>> agents = new HashMap<>();
        if (users.isEmpty()) {
            return agents;
        }
        List<Object[]> rows = database.inTransaction(em -> em.createQuery("""
                        select distinct e.userId, e.userAgent from StoredAuthEvent e
                        where e.type = :login and e.success = true and e.occurredAt < :before and e.userId in :users""",
                        Object[].class)
                .setParameter("login", AuthEventType.LOGIN.wireName())
                .setParameter("before", before)
                .setParameter("users", users)
                .getResultList());
        for (Object[] row : rows) {
            agents.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add(Objects.toString(row[1], ""));
        }
        return agents;
    }

    /**
     * Returns whether a {@code suspicious_activity} event for this finding is stored already, for
     * example because another node recorded it.
     */
    public boolean isRecorded(SuspiciousActivity finding) {
        String jpql = "select count(e) from StoredAuthEvent e where e.type = :type and e.occurredAt = :at and e.detail = :detail"
                + (finding.userId() == null ? " and e.userId is null" : " and e.userId = :user")
                + (finding.clientIp() == null ? " and e.clientIp is null" : " and e.clientIp = :ip");
        return database.inTransaction(em -> {
            TypedQuery<Long> query = em.createQuery(jpql, Long.class)
                    .setParameter("type", AuthEventType.SUSPICIOUS_ACTIVITY.wireName())
                    .setParameter("at", finding.occurredAt())
                    .setParameter("detail", finding.detail());
            if (finding.userId() != null) {
                query.setParameter("user", finding.userId());
            }
            if (finding.clientIp() != null) {
                query.setParameter("ip", finding.clientIp());
            }
            return query.getSingleResult() > 0;
        });
    }

    /** Returns the time of the newest recorded suspicious activity, if any. */
    public Optional<Instant> latestSuspiciousActivity() {
        return Optional.ofNullable(database.inTransaction(em -> em.createQuery(
                        "select max(e.occurredAt) from StoredAuthEvent e where e.type = :type", Instant.class)
                .setParameter("type", AuthEventType.SUSPICIOUS_ACTIVITY.wireName())
                .getSingleResult()));
    }

    /**
     * Criteria for {@link #recent}; null type or user means any.
     *
     * @param from inclusive
     * @param to exclusive
     */
    public record EventFilter(Instant from, Instant to, AuthEventType type, UUID userId) {
    }
}
