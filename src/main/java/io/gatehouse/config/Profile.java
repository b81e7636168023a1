package io.gatehouse.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The deployment profile. It selects the profile-specific defaults in
 * {@code META-INF/microprofile-config.properties} ({@code %development.*}, {@code %staging.*})
 * and how strictly secrets are checked.
 *
 * <p>A WAR deployed without {@code mp.config.profile} runs as {@link #PRODUCTION}, so a forgotten
 * setting fails safe. Only the Jetty Maven plugin configuration selects {@link #DEVELOPMENT}.
 */
public enum Profile {
    DEVELOPMENT,
    STAGING,
    PRODUCTION;

    /** The name used in {@code mp.config.profile} and in {@code %name.} property prefixes. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a profile name case-insensitively.
     *
     * @throws ConfigurationException when the name is not one of the three profiles, because a
     *     typo such as {@code prod} would otherwise silently drop every profile-specific default
     */
    public static Profile fromConfigName(String name) {
        for (Profile profile : values()) {
            if (profile.configName().equalsIgnoreCase(name.trim())) {
                return profile;
            }
        }
        String known = Arrays.stream(values()).map(Profile::configName).collect(Collectors.joining(", "));
        throw new ConfigurationException(
                "mp.config.profile '" + name + "' is not a Gatehouse profile: use one of " + known);
    }
}
