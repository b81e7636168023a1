package io.gatehouse.metrics;

import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.Resource;

/**
 * The metrics at a configurable path for a Prometheus server that presents a static bearer token
 * ({@code gatehouse.metrics.scrape-token}) instead of an access token. The token is compared as a
 * SHA-256 digest with {@link MessageDigest#isEqual}, so the comparison time does not depend on
 * how many leading characters match.
 */
public final class PrometheusScrapeEndpoint implements Inflector<ContainerRequestContext, Response> {

    private static final Logger LOG = LogManager.getLogger(PrometheusScrapeEndpoint.class);
    private static final String BEARER_PREFIX = "Bearer ";

    private final byte[] expectedDigest;
    private final GatehouseMetrics metrics;

    private PrometheusScrapeEndpoint(String token, GatehouseMetrics metrics) {
        this.expectedDigest = sha256(token);
        this.metrics = metrics;
    }

    /** Builds the JAX-RS resource that serves {@code GET path} to holders of the token. */
    public static Resource resource(String path, String token, GatehouseMetrics metrics) {
        Resource.Builder builder = Resource.builder(path);
        builder.addMethod("GET").produces(MetricsResource.PROMETHEUS_TEXT).handledBy(new PrometheusScrapeEndpoint(token, metrics));
        return builder.build();
    }

    @Override
    public Response apply(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            throw new GatehouseException(ErrorCode.MISSING_TOKEN, "Send the scrape token in an Authorization: Bearer header.");
        }
        byte[] presented = sha256(authorization.substring(BEARER_PREFIX.length()).strip());
        if (!MessageDigest.isEqual(expectedDigest, presented)) {
            LOG.debug("Rejected a metrics scrape with a wrong token");
            throw new GatehouseException(ErrorCode.INVALID_TOKEN, "The scrape token is invalid.");
        }
        return Response.ok(metrics.scrape(), MetricsResource.PROMETHEUS_TEXT).build();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
