package io.gatehouse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings under the {@code gatehouse.} prefix. Each property can also be set as an environment
 * variable in upper case with underscores, for example {@code GATEHOUSE_DATABASE_URL}.
 *
 * <p>Never log an instance: it carries the database and admin passwords.
 */
@ConfigMapping(prefix = "gatehouse")
public interface GatehouseConfig {

    /** Directory for the embedded database and the generated development secrets. */
    @WithDefault("./data")
    Path dataDirectory();

    Database database();

    Passwords password();

    Cookies cookie();

    Registration registration();

    Admin admin();

    RateLimits rateLimit();

    Lockout lockout();

    Proxy proxy();

    Cors cors();

    SecurityHeaders headers();

    /** Largest request body accepted on {@code /api/auth/*}; larger ones get 413 before parsing. */
    @WithDefault("16384")
    int maxBodySize();

    interface Database {

        /** JDBC URL; the default is an H2 file database inside the data directory. */
        String url();

        Optional<String> user();

        Optional<String> password();

        @WithDefault("10")
        int maximumPoolSize();

        /** How long a request waits for a pooled connection before the database counts as down. */
        @WithDefault("PT5S")
        Duration connectionTimeout();
    }

    interface Passwords {

        /** bcrypt work factor: each step doubles the hashing time. */
        @WithDefault("12")
        int bcryptCost();

        @WithDefault("12")
        int minLength();

        /** Minimum zxcvbn score, from 0 (guessable) to 4 (very unguessable). */
        @WithDefault("3")
        int minStrength();
    }

    interface Cookies {

        /** Adds the {@code Secure} attribute; browsers then send the cookies over HTTPS only. */
        @WithDefault("true")
        boolean secure();
    }

    interface Registration {

        @WithDefault("true")
        boolean enabled();
    }

    /** Token-bucket budgets; each allows {@code limit} requests per {@code window}. */
    interface RateLimits {

        Budget loginPerIp();

        Budget loginPerAccount();

        Budget refreshPerIp();

        Budget registerPerIp();
    }

    interface Budget {

        int limit();

        Duration window();
    }

    interface Lockout {

        /** Consecutive failed logins that lock an account. */
        @WithDefault("10")
        int maxFailures();

        @WithDefault("PT1H")
        Duration duration();

        /** Failed logins a trusted device may make while the account is locked for everyone else. */
        @WithDefault("5")
        int deviceMaxFailures();

        /** Lifetime of the device cookie set at each successful login. */
        @WithDefault("P180D")
        Duration deviceCookieLifetime();
    }

    interface Proxy {

        /** Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For and Forwarded headers are believed. */
        Optional<List<String>> trustedAddresses();
    }

    interface Cors {

        /** Origins (scheme, host and port) allowed to call the API from a browser; exact match. */
        Optional<List<String>> allowedOrigins();

        /** How long a browser may cache a preflight answer. */
        @WithDefault("PT10M")
        Duration maxAge();
    }

    interface SecurityHeaders {

        /** Sends Strict-Transport-Security, which browsers honour over HTTPS only. */
        @WithDefault("true")
        boolean hsts();

        /** Extra sources for the Content-Security-Policy connect-src directive, after 'self'. */
        Optional<List<String>> connectSources();
    }

    interface Admin {

        /** Email of an admin account created on start when no admin exists yet. */
        Optional<String> email();

        @WithName("password")
        Optional<String> password();
    }
}
