package io.gatehouse.auth;

import java.util.Set;
import java.util.UUID;

/** The body of {@code GET /api/auth/me}, taken from the caller's access token. */
public record CurrentUser(UUID id, String email, String role, Set<String> permissions) {
}
