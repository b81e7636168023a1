package io.gatehouse.admin;

import static io.gatehouse.admin.AdminResponses.actor;
import static io.gatehouse.admin.AdminResponses.noStore;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.security.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * Role administration. Reading needs {@code roles:read}; creating a role or changing its
 * permissions needs {@code roles:write}. Users holding a changed role receive the new
 * permissions with their next refresh.
 */
@Path("api/admin/roles")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission
public final class AdminRoleResource {

    private final UserAdministration administration;

    @Context
    private HttpServletRequest request;

    public AdminRoleResource(UserAdministration administration) {
        this.administration = administration;
    }

    @GET
    @RequiresPermission("roles:read")
    public Response list() {
        return Response.ok(administration.roles()).cacheControl(noStore()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("roles:write")
    public Response create(AdminRequests.NewRole body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        if (body == null) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST, "The request body is missing: send {\"name\": ..., \"permissions\": [...]}.");
        }
        RoleView role = administration.createRole(actor(security, request), body.name(), body.permissions());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(role.name()).build())
                .entity(role).cacheControl(noStore()).build();
    }

    /** Replaces the role's permissions with the given list. */
    @PUT
    @Path("{name}/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("roles:write")
    public Response replacePermissions(@PathParam("name") String name, AdminRequests.RolePermissions body,
            @Context SecurityContext security) {
        if (body == null) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST, "The request body is missing: send {\"permissions\": [...]}.");
        }
        RoleView role = administration.replaceRolePermissions(actor(security, request), name, body.permissions());
        return Response.ok(role).cacheControl(noStore()).build();
    }
}
