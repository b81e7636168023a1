package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.token.AccessTokenClaims;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PermissionFeatureTest {

    @RequiresPermission("reports:read")
    static class Reports {

        public void list() {
        }

        @RequiresPermission({"reports:write", "audit:write"})
        public void create() {
        }
    }

    static class Open {

        @RequiresPermission
        public void me() {
        }

        public void health() {
        }
    }

    @Test
    void requiredPermissionsWhenClassAndMethodThenCombined() throws Exception {
        assertThat(PermissionFeature.requiredPermissions(Reports.class, Reports.class.getMethod("create")))
                .containsExactly("reports:read", "reports:write", "audit:write");
    }

    @Test
    void requiredPermissionsWhenClassOnlyThenClassPermissions() throws Exception {
        assertThat(PermissionFeature.requiredPermissions(Reports.class, Reports.class.getMethod("list")))
                .containsExactly("reports:read");
    }

    @Test
    void requiredPermissionsWhenEmptyAnnotationThenNone() throws Exception {
        assertThat(PermissionFeature.requiredPermissions(Open.class, Open.class.getMethod("me"))).isEmpty();
        assertThat(PermissionFeature.requiredPermissions(Open.class, Open.class.getMethod("health"))).isEmpty();
    }

    @Test
    void securityContextWhenRoleMatchesThenUserInRole() {
        AccessTokenClaims claims = new AccessTokenClaims(UUID.randomUUID(), "a@example.com", "admin",
                Set.of("*"), "jti-1", Instant.now(), UUID.randomUUID());
        TokenSecurityContext context = new TokenSecurityContext(new GatehousePrincipal(claims), true);

        assertThat(context.isUserInRole("admin")).isTrue();
        assertThat(context.isUserInRole("user")).isFalse();
        assertThat(context.getAuthenticationScheme()).isEqualTo("Bearer");
        assertThat(context.getUserPrincipal().getName()).isEqualTo(claims.userId().toString());
        assertThat(context.getUserPrincipal().isPermitted(WildcardPermission.parse("anything:read"))).isTrue();
    }
}
