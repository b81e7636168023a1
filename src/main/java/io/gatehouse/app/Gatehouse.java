package io.gatehouse.app;

import io.gatehouse.admin.UserAdministration;
import io.gatehouse.audit.AuthEventRecorder;
import io.gatehouse.audit.AuthEventStore;
import io.gatehouse.audit.DetectionThresholds;
import io.gatehouse.audit.SecurityReportService;
import io.gatehouse.audit.SuspiciousActivityMonitor;
import io.gatehouse.audit.StoredAuthEvent;
import io.gatehouse.auth.LoginService;
import io.gatehouse.config.GatehouseConfig;
import io.gatehouse.config.Settings;
import io.gatehouse.lockout.DeviceCookies;
import io.gatehouse.lockout.LockoutService;
import io.gatehouse.lockout.LoginThrottle;
import io.gatehouse.metrics.GatehouseMetrics;
import io.gatehouse.persistence.Database;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.property.Property;
import io.gatehouse.session.AccessTokenDenylist;
import io.gatehouse.session.ExpiredRecordCleanup;
import io.gatehouse.session.RefreshToken;
import io.gatehouse.session.RevokedAccessToken;
import io.gatehouse.session.SessionControl;
import io.gatehouse.session.SessionDirectory;
import io.gatehouse.session.SessionRevocation;
import io.gatehouse.session.SessionService;
import io.gatehouse.token.AccessTokenVerifier;
import io.gatehouse.token.RefreshTokenVerifier;
import io.gatehouse.token.TokenIssuer;
import io.gatehouse.user.AdminAccountBootstrap;
import io.gatehouse.user.PasswordHasher;
import io.gatehouse.user.PasswordPolicy;
import io.gatehouse.user.RegistrationService;
import io.gatehouse.user.Role;
import io.gatehouse.user.User;
import io.gatehouse.user.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The composition root: builds every service of one deployment from its settings, in dependency
 * order, and releases the pool and threads it opened when the deployment stops.
 *
 * <p>Background work (writing queued auth events, reloading the denylist, the cleanup) runs on
 * one daemon thread owned here; {@link #close()} stops it, waits for the running task and writes
 * the last queued events before the database closes, so an undeploy leaves no thread behind.
 */
public final class Gatehouse implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(Gatehouse.class);
    private static final List<Class<?>> ENTITIES = List.of(User.class, Role.class, RefreshToken.class, Property.class,
            RevokedAccessToken.class, StoredAuthEvent.class, LoginThrottle.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final AccessTokenVerifier accessTokenVerifier;
    private final RegistrationService registration;
    private final LoginService login;
    private final SessionService sessions;
    private final RateLimiter rateLimiter;
    private final LockoutService lockout;
    private final GatehouseMetrics metrics;
    private final AuthEventRecorder events;
    private final AccessTokenDenylist denylist;
    private final SessionControl sessionControl;
    private final SessionDirectory sessionDirectory;
    private final AuthEventStore eventStore;
    private final SecurityReportService reports;
    private final UserAdministration administration;
    private final ScheduledExecutorService scheduler;

    private Gatehouse(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;

        GatehouseConfig.Passwords passwords = settings.gatehouse().password();
        UserRepository users = new UserRepository();
        PasswordHasher hasher = new PasswordHasher(passwords.bcryptCost());
        PasswordPolicy policy = new PasswordPolicy(passwords.minLength(), passwords.minStrength());
        TokenIssuer issuer = new TokenIssuer(settings.jwt(), settings.secrets(), clock);

        GatehouseConfig lifecycle = settings.gatehouse();
        this.metrics = new GatehouseMetrics();
        this.events = new AuthEventRecorder(database, clock, lifecycle.audit().queueCapacity(), metrics);
        this.denylist = new AccessTokenDenylist(database, clock, settings.jwt().clockSkew());
        denylist.reload();
        SessionRevocation revocation = new SessionRevocation(database, denylist);
        this.sessionControl = new SessionControl(database, revocation, events, clock);
        this.sessionDirectory = new SessionDirectory(database, clock);

        this.accessTokenVerifier = new AccessTokenVerifier(settings.jwt(), settings.secrets(), clock);
        this.registration = new RegistrationService(database, users, policy, hasher, clock,
                settings.gatehouse().registration().enabled());
        this.sessions = new SessionService(database, users, issuer,
                new RefreshTokenVerifier(settings.jwt(), settings.secrets(), clock),
                revocation, events, lifecycle.session().reuseGracePeriod());
        GatehouseConfig.Lockout lockoutSettings = settings.gatehouse().lockout();
        this.lockout = new LockoutService(database, clock, lockoutSettings.duration());
        this.login = new LoginService(database, users, hasher, sessions, lockout,
                new DeviceCookies(settings.secrets().access(), lockoutSettings.deviceCookieLifetime(), clock),
                events, lockoutSettings.maxFailures(), lockoutSettings.deviceMaxFailures());
        this.rateLimiter = new RateLimiter(settings.gatehouse().rateLimit());

        GatehouseConfig.Admin admin = settings.gatehouse().admin();
        if (admin.email().isPresent() && admin.password().isPresent()) {
            new AdminAccountBootstrap(database, users, registration, policy, hasher)
                    .createIfAbsent(admin.email().get(), admin.password().get());
        }

        this.eventStore = new AuthEventStore(database);
        DetectionThresholds thresholds = DetectionThresholds.of(lifecycle.detection());
        this.reports = new SecurityReportService(eventStore, thresholds, sessionDirectory::countActive,
                lockout::currentLocks);
        this.administration = new UserAdministration(database, users, sessionControl, lockout, events, clock);
        SuspiciousActivityMonitor monitor = new SuspiciousActivityMonitor(eventStore, events, thresholds, clock);

        ExpiredRecordCleanup cleanup = new ExpiredRecordCleanup(database, clock, lifecycle.audit().retention(),
                settings.jwt().clockSkew(), lifecycle.cleanup().batchSize(), metrics::cleanupDeleted);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Gatehouse::maintenanceThread);
        schedule("writing auth events", events::flush, lifecycle.audit().flushInterval().toMillis());
        schedule("reloading the denylist", denylist::reload, lifecycle.session().denylistRefreshInterval().toMillis());
        schedule("cleanup", cleanup::run, lifecycle.cleanup().interval().toMillis());
        schedule("detecting suspicious activity", monitor::run, lifecycle.detection().interval().toMillis());
    }

    private static Thread maintenanceThread(Runnable task) {
        Thread thread = new Thread(task, "gatehouse-maintenance");
        thread.setDaemon(true);
        return thread;
    }

    /** Runs the task every {@code periodMillis}; a failure is logged and the next run goes ahead. */
    private void schedule(String name, Runnable task, long periodMillis) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Background task failed while {}; it runs again in {} ms", name, periodMillis, e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts the database and builds the services; on failure, releases what was opened. */
    public static Gatehouse start(Settings settings, Clock clock) {
        Database database = Database.start(settings.gatehouse().database(), ENTITIES);
        try {
            return new Gatehouse(settings, clock, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public AccessTokenVerifier accessTokenVerifier() {
        return accessTokenVerifier;
    }

    public RegistrationService registration() {
        return registration;
    }

    public LoginService login() {
        return login;
    }

    public SessionService sessions() {
        return sessions;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public LockoutService lockout() {
        return lockout;
    }

    public GatehouseMetrics metrics() {
        return metrics;
    }

    public AuthEventRecorder events() {
        return events;
    }

    public AccessTokenDenylist denylist() {
        return denylist;
    }

    public SessionControl sessionControl() {
        return sessionControl;
    }

    public SessionDirectory sessionDirectory() {
        return sessionDirectory;
    }

    public AuthEventStore eventStore() {
        return eventStore;
    }

    public SecurityReportService reports() {
        return reports;
    }

    public UserAdministration administration() {
        return administration;
    }

    /** Stops the background thread, writes the events still queued, then closes the database. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Background task still running after {} s; interrupting it", SHUTDOWN_TIMEOUT_SECONDS);
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            int written = events.flush();
            LOG.info("Wrote {} queued auth events before shutdown", written);
        } finally {
            metrics.close();
            database.close();
        }
    }
}
