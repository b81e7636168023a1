package io.gatehouse.admin;

import io.gatehouse.user.User;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user as administrators see it. It never includes the password hash.
 *
 * @param extraPermissions permissions granted to this user on top of the role's
 * @param permissions the role's and the extra permissions together, as the next token will carry them
 */
public record AdminUserView(UUID id, String email, String role, Set<String> extraPermissions, Set<String> permissions,
        boolean enabled, Instant createdAt, Instant updatedAt) {

    static AdminUserView of(User user) {
        return new AdminUserView(user.id(), user.email(), user.role().name(), user.extraPermissions(),
                user.effectivePermissions(), user.isEnabled(), user.createdAt(), user.updatedAt());
    }
}
