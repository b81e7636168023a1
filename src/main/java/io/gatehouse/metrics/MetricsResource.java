package io.gatehouse.metrics;

import io.gatehouse.security.RequiresPermission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** The Prometheus scrape endpoint. It needs {@code metrics:read}, which a scraper's account can be granted alone. */
@Path("metrics")
public final class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final GatehouseMetrics metrics;

    public MetricsResource(GatehouseMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    @RequiresPermission("metrics:read")
    public Response scrape() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.ok(metrics.scrape(), PROMETHEUS_TEXT).cacheControl(noStore).build();
    }
}
