package io.gatehouse.health;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.persistence.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Public liveness and readiness: 200 when a database connection answers, 503 otherwise. */
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
}
