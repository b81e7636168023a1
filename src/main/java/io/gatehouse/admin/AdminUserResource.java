package io.gatehouse.admin;

import static io.gatehouse.admin.AdminResponses.actor;
import static io.gatehouse.admin.AdminResponses.noStore;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.security.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.UUID;

/**
 * User administration. Reading needs {@code users:read}; every change needs {@code users:write}.
 * The seeded {@code admin} role has {@code *}, which covers both.
 */
@Path("api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission
public final class AdminUserResource {

    private final UserAdministration administration;

    @Context
    private HttpServletRequest request;

    public AdminUserResource(UserAdministration administration) {
        this.administration = administration;
    }

    /** Lists users ordered by email; {@code email} filters by a case-insensitive substring. */
    @GET
    @RequiresPermission("users:read")
    public Response list(@QueryParam("email") String email, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return ok(administration.list(email, page, size));
    }

    @GET
    @Path("{id}")
    @RequiresPermission("users:read")
    public Response get(@PathParam("id") UUID id) {
        return ok(administration.get(id));
    }

    @POST
    @Path("{id}/disable")
    @RequiresPermission("users:write")
    public Response disable(@PathParam("id") UUID id, @Context SecurityContext security) {
        return ok(administration.setEnabled(actor(security, request), id, false));
    }

    @POST
    @Path("{id}/enable")
    @RequiresPermission("users:write")
    public Response enable(@PathParam("id") UUID id, @Context SecurityContext security) {
        return ok(administration.setEnabled(actor(security, request), id, true));
    }

    @POST
    @Path("{id}/unlock")
    @RequiresPermission("users:write")
    public Response unlock(@PathParam("id") UUID id, @Context SecurityContext security) {
        return ok(administration.unlock(actor(security, request), id));
    }

    @PUT
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("users:write")
    public Response changeRole(@PathParam("id") UUID id, AdminRequests.RoleChange body, @Context SecurityContext security) {
        requireBody(body);
        return ok(administration.changeRole(actor(security, request), id, body.role()));
    }

    @POST
    @Path("{id}/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("users:write")
    public Response grantPermission(@PathParam("id") UUID id, AdminRequests.PermissionGrant body,
            @Context SecurityContext security) {
        requireBody(body);
        return ok(administration.grantPermission(actor(security, request), id, body.permission()));
    }

    @DELETE
    @Path("{id}/permissions/{permission}")
    @RequiresPermission("users:write")
    public Response revokePermission(@PathParam("id") UUID id, @PathParam("permission") String permission,
            @Context SecurityContext security) {
        return ok(administration.revokePermission(actor(security, request), id, permission));
    }

    /** Ends every session of the user at once, so changed permissions apply without waiting for a refresh. */
    @POST
    @Path("{id}/logout")
    @RequiresPermission("users:write")
    public Response forceLogout(@PathParam("id") UUID id, @Context SecurityContext security) {
        int revoked = administration.forceLogout(actor(security, request), id);
        return ok(Map.of("userId", id, "refreshTokensRevoked", revoked));
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST, "The request body is missing.");
        }
    }

    private static Response ok(Object entity) {
        return Response.ok(entity).cacheControl(noStore()).build();
    }
}
