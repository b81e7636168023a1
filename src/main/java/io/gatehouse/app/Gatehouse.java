package io.gatehouse.app;

import io.gatehouse.auth.LoginService;
import io.gatehouse.config.GatehouseConfig;
import io.gatehouse.config.Settings;
import io.gatehouse.lockout.DeviceCookies;
import io.gatehouse.lockout.LockoutService;
import io.gatehouse.lockout.LoginThrottle;
import io.gatehouse.persistence.Database;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.property.Property;
import io.gatehouse.session.RefreshToken;
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

/**
 * The composition root: builds every service of one deployment from its settings, in dependency
 * order, and releases the pool and threads it opened when the deployment stops.
 */
public final class Gatehouse implements AutoCloseable {

    private static final List<Class<?>> ENTITIES =
            List.of(User.class, Role.class, RefreshToken.class, LoginThrottle.class, Property.class);

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final AccessTokenVerifier accessTokenVerifier;
    private final RegistrationService registration;
    private final LoginService login;
    private final SessionService sessions;
    private final RateLimiter rateLimiter;

    private Gatehouse(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;

        GatehouseConfig.Passwords passwords = settings.gatehouse().password();
        UserRepository users = new UserRepository();
        PasswordHasher hasher = new PasswordHasher(passwords.bcryptCost());
        PasswordPolicy policy = new PasswordPolicy(passwords.minLength(), passwords.minStrength());
        TokenIssuer issuer = new TokenIssuer(settings.jwt(), settings.secrets(), clock);

        this.accessTokenVerifier = new AccessTokenVerifier(settings.jwt(), settings.secrets(), clock);
        this.registration = new RegistrationService(database, users, policy, hasher, clock,
                settings.gatehouse().registration().enabled());
        this.sessions = new SessionService(database, users, issuer,
                new RefreshTokenVerifier(settings.jwt(), settings.secrets(), clock));
        GatehouseConfig.Lockout lockout = settings.gatehouse().lockout();
        this.login = new LoginService(database, users, hasher, sessions,
                new LockoutService(database, clock, lockout.duration()),
                new DeviceCookies(settings.secrets().access(), lockout.deviceCookieLifetime(), clock),
                lockout.maxFailures(), lockout.deviceMaxFailures());
        this.rateLimiter = new RateLimiter(settings.gatehouse().rateLimit());

        GatehouseConfig.Admin admin = settings.gatehouse().admin();
        if (admin.email().isPresent() && admin.password().isPresent()) {
            new AdminAccountBootstrap(database, users, registration, policy, hasher)
                    .createIfAbsent(admin.email().get(), admin.password().get());
        }
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

    @Override
    public void close() {
        database.close();
    }
}
