package io.gatehouse.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The JSON form of a user returned by registration. It never includes the password hash. */
public record UserView(UUID id, String email, String role, Set<String> permissions, Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.role().name(), user.effectivePermissions(), user.createdAt());
    }
}
