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

    Sessions session();

    Audit audit();

    Cleanup cleanup();

    Detection detection();

    Metrics metrics();

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

        /** How long a browser may cache a preflight response. */
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

    interface Sessions {

        /**
         * How long after a rotation the rotated refresh token may be presented again and still get
         * a new pair of the same session, as when two browser tabs refresh at once. Zero is strict:
         * any second use counts as reuse and ends the session.
         */
        @WithDefault("PT0S")
        Duration reuseGracePeriod();

        /**
         * How often each node reloads the access-token denylist from the database. A revocation
         * made on another node takes effect here after at most this long.
         */
        @WithDefault("PT5S")
        Duration denylistRefreshInterval();
    }

    interface Audit {

        /** How long auth events are kept before the cleanup deletes them. */
        @WithDefault("P90D")
        Duration retention();

        /** How often queued auth events are written to the database and the audit log. */
        @WithDefault("PT0.5S")
        Duration flushInterval();

        /** Events waiting to be written beyond this many are dropped and counted. */
        @WithDefault("100000")
        int queueCapacity();
    }

    interface Cleanup {

        /** How often expired refresh tokens, denylist entries and old events are deleted. */
        @WithDefault("PT1H")
        Duration interval();

        /** Rows deleted per transaction, so a large backlog never holds long locks. */
        @WithDefault("1000")
        int batchSize();
    }

    interface Detection {

        /** How often the detector scans new events for suspicious activity. */
        @WithDefault("PT1M")
        Duration interval();

        /** The sliding window in which the thresholds below are counted. */
        @WithDefault("PT15M")
        Duration window();

        /** Failed logins from one IP address within the window that flag the address. */
        @WithDefault("20")
        int ipFailureThreshold();

        /** Distinct accounts one IP address fails against within the window (credential stuffing). */
        @WithDefault("5")
        int distinctAccountThreshold();

        /** Distinct IP addresses failing against one account within the window. */
        @WithDefault("5")
        int distinctIpThreshold();

        /** Failed logins of an account within the window after which a successful login is flagged. */
        @WithDefault("5")
        int failureBurstThreshold();
    }

    interface Metrics {

        /**
         * A static bearer token that lets a Prometheus server scrape {@link #scrapePath()}, because
         * a scraper cannot refresh short-lived access tokens. Without it, that path does not exist
         * and only {@code GET /metrics} with {@code metrics:read} serves the metrics.
         */
        Optional<String> scrapeToken();

        /** The path, relative to the context path, at which the scrape token is accepted. */
        @WithDefault("internal/metrics")
        String scrapePath();
    }
}
