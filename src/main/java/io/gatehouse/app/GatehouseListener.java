package io.gatehouse.app;

import io.gatehouse.config.ConfigurationException;
import io.gatehouse.config.GatehouseConfig;
import io.gatehouse.config.Settings;
import io.gatehouse.origin.CorsFilter;
import io.gatehouse.origin.CsrfFilter;
import io.gatehouse.origin.OriginPolicy;
import io.gatehouse.web.BodySizeLimitFilter;
import io.gatehouse.web.ClientIpResolver;
import io.gatehouse.web.IpRange;
import io.gatehouse.web.SecurityHeadersFilter;
import io.gatehouse.persistence.Database;
import io.gatehouse.web.ErrorPageServlet;
import io.gatehouse.web.RequestContextFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Starts Gatehouse when the container deploys the WAR and stops it on undeploy.
 *
 * <p>Any failure here, such as a missing secret in production, propagates to the container, which
 * then refuses to start the application: Gatehouse never serves requests half-configured.
 */
public final class GatehouseListener implements ServletContextListener {

    private static final Logger LOG = LogManager.getLogger(GatehouseListener.class);

    /**
     * Jersey 3.1 warns at every start that resources registered as instances are "ignored"
     * providers, although it serves them (eclipse-ee4j/jersey issue 3700). The logger is kept in a
     * field because java.util.logging holds loggers weakly and would forget the level.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDERS =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    private Gatehouse gatehouse;
    private Handler julBridge;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // Jersey logs through java.util.logging; route it into log4j like everything else. The
        // handler is removed on undeploy, because the JUL root logger outlives this class loader.
        julBridge = new Log4jBridgeHandler(false, null, true);
        java.util.logging.Logger.getLogger("").addHandler(julBridge);
        JERSEY_PROVIDERS.setLevel(Level.SEVERE);

        // Containers need not call contextDestroyed after a failed start, so release what was opened here.
        try {
            start(event.getServletContext());
        } catch (ConfigurationException e) {
            LOG.fatal("Gatehouse cannot start: {}", e.getMessage());
            stop();
            throw e;
        } catch (RuntimeException e) {
            LOG.fatal("Gatehouse cannot start", e);
            stop();
            throw e;
        }
        LOG.info("Gatehouse started");
    }

    private void start(ServletContext context) {
        Settings settings = Settings.load(GatehouseListener.class.getClassLoader());
        logSettings(settings);
        gatehouse = Gatehouse.start(settings, Clock.systemUTC());

        registerFilters(context, settings);
        context.addServlet("errorPage", new ErrorPageServlet()).addMapping(ErrorPageServlet.PATH);
        ServletRegistration.Dynamic jersey = context.addServlet("jersey", new ServletContainer(new GatehouseApplication(gatehouse)));
        jersey.addMapping("/*");
        jersey.setLoadOnStartup(1);
    }

    /**
     * Registers the servlet filters in the order they run. Each mapping is appended after the
     * previous one, which Jetty and Tomcat both keep in call order.
     */
    private static void registerFilters(ServletContext context, Settings settings) {
        GatehouseConfig config = settings.gatehouse();
        List<IpRange> trustedProxies;
        OriginPolicy origins;
        try {
            trustedProxies = config.proxy().trustedAddresses().orElse(List.of()).stream().map(IpRange::parse).toList();
            origins = new OriginPolicy(config.cors().allowedOrigins().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);

        addFilter(context, "requestContext", new RequestContextFilter(new ClientIpResolver(trustedProxies)), requests, "/*");
        // Error pages written by the container get the security headers too.
        addFilter(context, "securityHeaders",
                new SecurityHeadersFilter(config.headers().hsts(), config.headers().connectSources().orElse(List.of())),
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), "/*");
        addFilter(context, "cors", new CorsFilter(origins, config.cors().maxAge()), requests, "/*");
        addFilter(context, "csrf", new CsrfFilter(origins), requests, "/*");
        addFilter(context, "bodySizeLimit", new BodySizeLimitFilter(config.maxBodySize()), requests, "/api/auth/*");
    }

    private static void addFilter(ServletContext context, String name, Filter filter,
            EnumSet<DispatcherType> dispatcherTypes, String pattern) {
        context.addFilter(name, filter).addMappingForUrlPatterns(dispatcherTypes, true, pattern);
    }

    private static void logSettings(Settings settings) {
        LOG.info("Starting Gatehouse with profile {}", settings.profile().configName());
        LOG.info("Database {}", Database.redactUrl(settings.gatehouse().database().url()));
        LOG.info("Access tokens live {}, refresh tokens {}, issuer '{}', clock skew {}",
                iso(settings.jwt().accessTokenLifetime()), iso(settings.jwt().refreshTokenLifetime()),
                settings.jwt().issuer(), iso(settings.jwt().clockSkew()));
    }

    /** Formats whole days as {@code P30D}, the way they are configured, where Duration prints {@code PT720H}. */
    private static String iso(java.time.Duration duration) {
        boolean wholeDays = duration.toDays() > 0 && duration.equals(java.time.Duration.ofDays(duration.toDays()));
        return wholeDays ? "P" + duration.toDays() + "D" : duration.toString();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        stop();
        LOG.info("Gatehouse stopped");
    }

    private void stop() {
        if (gatehouse != null) {
            gatehouse.close();
            gatehouse = null;
        }
        if (julBridge != null) {
            java.util.logging.Logger.getLogger("").removeHandler(julBridge);
            julBridge = null;
        }
    }
}
