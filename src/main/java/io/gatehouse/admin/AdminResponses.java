package io.gatehouse.admin;

import io.gatehouse.security.GatehousePrincipal;
import io.gatehouse.web.RequestContextFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.SecurityContext;

/** Helpers shared by the admin resources. */
final class AdminResponses {

    private AdminResponses() {
    }

    static AdminActor actor(SecurityContext security, HttpServletRequest request) {
        GatehousePrincipal principal = (GatehousePrincipal) security.getUserPrincipal();
        return new AdminActor(principal.userId(), principal.tokenId(), RequestContextFilter.clientOf(request));
    }

    /** Admin responses describe accounts and security state, so no cache may keep them. */
    static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }
}
