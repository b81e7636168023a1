package io.gatehouse.session;

import io.gatehouse.persistence.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists active sessions. A session is active while its family contains a refresh token that is
 * neither revoked nor expired. Its usage figures derive from the family's rows, one per login or
 * refresh, so tracking usage costs no extra write.
 */
public final class SessionDirectory {

    private final Database database;
    private final Clock clock;

    public SessionDirectory(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Returns the user's active sessions, most recently used first; {@code currentSessionId} may be null. */
    public List<SessionView> activeSessions(UUID userId, UUID currentSessionId) {
        Instant now = clock.instant();
        List<RefreshToken> rows = database.inTransaction(em -> em.createQuery("""
                        select t from RefreshToken t where t.familyId in (
                            select a.familyId from RefreshToken a
                            where a.userId = :user and a.revokedAt is null and a.expiresAt > :now)
                        order by t.issuedAt""", RefreshToken.class)
                .setParameter("user", userId)
                .setParameter("now", now)
                .getResultList());

        Map<UUID, List<RefreshToken>> families = new LinkedHashMap<>();
        rows.forEach(row -> families.computeIfAbsent(row.familyId(), id -> new ArrayList<>()).add(row));
        List<SessionView> sessions = new ArrayList<>();
        families.forEach((id, family) -> sessions.add(view(id, family, now, id.equals(currentSessionId))));
        sessions.sort(Comparator.comparing(SessionView::lastUsedAt).reversed());
        return sessions;
    }

    /** Returns the number of active sessions across all users. */
    public long countActive() {
        Instant now = clock.instant();
        return database.inTransaction(em -> em.createQuery(
                        "select count(distinct t.familyId) from RefreshToken t where t.revokedAt is null and t.expiresAt > :now",
                        Long.class)
                .setParameter("now", now)
                .getSingleResult());
    }

    private static SessionView view(UUID id, List<RefreshToken> family, Instant now, boolean current) {
        RefreshToken first = family.get(0);
        RefreshToken latest = family.get(family.size() - 1);
        Instant expiresAt = family.stream()
                .filter(token -> !token.isRevoked() && token.expiresAt().isAfter(now))
                .map(RefreshToken::expiresAt)
                .max(Comparator.naturalOrder())
                .orElse(latest.expiresAt());
        return new SessionView(id, first.issuedAt(), latest.issuedAt(), family.size() - 1L,
                latest.clientIp(), latest.userAgent(), expiresAt, current);
    }
}
