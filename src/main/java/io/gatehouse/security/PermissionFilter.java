package io.gatehouse.security;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Rejects callers that lack one of a resource method's required permissions. Immutable. */
@Priority(Priorities.AUTHORIZATION)
final class PermissionFilter implements ContainerRequestFilter {

    private static final Logger LOG = LogManager.getLogger(PermissionFilter.class);

    private final List<String> requiredNames;
    private final List<WildcardPermission> required;

    PermissionFilter(Set<String> required) {
        this.requiredNames = List.copyOf(required);
        this.required = required.stream().map(WildcardPermission::parse).toList();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof GatehousePrincipal principal)) {
            // AuthenticationFilter runs first and rejects unauthenticated requests, so reaching
            // this line means the filters were wired wrongly. Fail closed.
            throw new GatehouseException(ErrorCode.AUTH_SERVICE_ERROR, "Authentication failed because of a server error.");
        }

        for (WildcardPermission permission : required) {
            if (!principal.isPermitted(permission)) {
                LOG.debug("User {} lacks permission {}", principal.userId(), permission);
                throw new GatehouseException(ErrorCode.INSUFFICIENT_PERMISSIONS,
                        "This request requires the permissions listed in 'required'.",
                        Map.of("required", requiredNames));
            }
        }
    }
}
