package io.gatehouse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
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

    interface Admin {

        /** Email of an admin account created on start when no admin exists yet. */
        Optional<String> email();

        @WithName("password")
        Optional<String> password();
    }
}
