package io.gatehouse.property;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import io.gatehouse.security.GatehousePrincipal;
import io.gatehouse.security.RequiresPermission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * An example of protecting your own resource. The class-level annotation makes every method
 * require {@code properties:read}; {@link #create} adds {@code properties:write}, so creating a
 * property needs both. The seeded {@code user} role holds {@code properties:read} only.
 */
@Path("api/properties")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission("properties:read")
public final class PropertyResource {

    private static final int MAX_FIELD_LENGTH = 200;

    private final Database database;
    private final Clock clock;

    public PropertyResource(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @GET
    public List<PropertyView> list() {
        return database.inTransaction(em -> em
                .createQuery("select p from Property p order by p.createdAt, p.id", Property.class)
                .getResultStream()
                .map(Property::toView)
                .toList());
    }

    @GET
    @Path("{id}")
    public PropertyView get(@PathParam("id") UUID id) {
        Property property = database.inTransaction(em -> em.find(Property.class, id));
        if (property == null) {
            throw new GatehouseException(ErrorCode.NOT_FOUND, "No property has id " + id + ".");
        }
        return property.toView();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("properties:write")
    public Response create(NewProperty body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        String name = requireText(body == null ? null : body.name(), "name");
        String city = requireText(body.city(), "city");
        GatehousePrincipal caller = (GatehousePrincipal) security.getUserPrincipal();

        Property property = new Property(name, city, caller.userId(), clock.instant());
        database.runInTransaction(em -> em.persist(property));
        PropertyView view = property.toView();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view)
                .build();
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST, "Field '" + field + "' is missing or blank.");
        }
        if (value.length() > MAX_FIELD_LENGTH) {
            throw new GatehouseException(ErrorCode.MALFORMED_REQUEST,
                    "Field '" + field + "' is longer than " + MAX_FIELD_LENGTH + " characters.");
        }
        return value.strip();
    }
}
