package io.gatehouse.health;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Public health checks. {@code /api/health} is readiness: 200 only when a database connection
 * responds. {@code /api/health/live} is liveness: 200 whenever the application serves requests,
 * without touching the database, so an orchestrator does not restart Gatehouse for a database
 * outage it cannot fix by restarting.
 */
@Path("api/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final Database database;

    public HealthResource(Database database) {
        this.database = database;
    }

    @GET
    public Map<String, String> health() {
        if (!database.isAvailable()) {
            throw new GatehouseException(ErrorCode.DATABASE_UNAVAILABLE, "The database is unavailable. Retry later.");
        }
        return Map.of("status", "UP");
    }

    @GET
    @Path("live")
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }
}
