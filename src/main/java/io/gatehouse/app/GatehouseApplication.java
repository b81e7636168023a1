package io.gatehouse.app;

import io.gatehouse.admin.AdminRoleResource;
import io.gatehouse.admin.AdminUserResource;
import io.gatehouse.admin.SecurityResource;
import io.gatehouse.auth.AuthResource;
import io.gatehouse.health.HealthResource;
import io.gatehouse.metrics.MetricsResource;
import io.gatehouse.metrics.PrometheusScrapeEndpoint;
import io.gatehouse.property.PropertyResource;
import io.gatehouse.ratelimit.RateLimitHeaders;
import io.gatehouse.security.AuthenticationFilter;
import io.gatehouse.security.PermissionFeature;
import io.gatehouse.web.GatehouseExceptionMapper;
import io.gatehouse.web.JsonExceptionMapper;
import io.gatehouse.web.JsonMapper;
import io.gatehouse.web.UnexpectedExceptionMapper;
import io.gatehouse.web.WebApplicationExceptionMapper;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The JAX-RS application. Resources and providers are registered as instances built by
 * {@link Gatehouse}, so nothing is found by classpath scanning and every dependency is explicit.
 */
final class GatehouseApplication extends ResourceConfig {

    GatehouseApplication(Gatehouse gatehouse) {
        var settings = gatehouse.settings();

        register(new HealthResource(gatehouse.database()));
        register(new AuthResource(gatehouse.registration(), gatehouse.login(), gatehouse.sessions(),
                gatehouse.sessionControl(), gatehouse.sessionDirectory(), gatehouse.events(),
                gatehouse.rateLimiter(), settings.gatehouse().cookie().secure(),
                settings.jwt().accessTokenLifetime(), settings.jwt().refreshTokenLifetime(),
                settings.gatehouse().lockout().deviceCookieLifetime()));
        register(new PropertyResource(gatehouse.database(), gatehouse.clock()));
        register(new MetricsResource(gatehouse.metrics()));
        var scrape = settings.gatehouse().metrics();
        scrape.scrapeToken().ifPresent(token ->
                registerResources(PrometheusScrapeEndpoint.resource(scrape.scrapePath(), token, gatehouse.metrics())));
        register(new AdminUserResource(gatehouse.administration()));
        register(new AdminRoleResource(gatehouse.administration()));
        register(new SecurityResource(gatehouse.reports(), gatehouse.eventStore(), gatehouse.clock()));

        register(new AuthenticationFilter(gatehouse.accessTokenVerifier(), gatehouse.denylist(), gatehouse.events(),
                gatehouse.metrics().tokenVerification()));
        register(PermissionFeature.class);
        register(RateLimitHeaders.class);

        // Jersey's own Jackson exception mappers respond with the parser's message as plain text,
        // which can quote the request body; JsonExceptionMapper replaces them.
        register(JacksonFeature.withoutExceptionMappers());
        register(JsonMapper.class);
        register(GatehouseExceptionMapper.class);
        register(WebApplicationExceptionMapper.class);
        register(JsonExceptionMapper.class);
        register(UnexpectedExceptionMapper.class);

        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        property(ServerProperties.BV_FEATURE_DISABLE, true);
    }
}
