package io.gatehouse.support;

import io.gatehouse.config.Settings;
import io.smallrye.config.PropertiesConfigSource;
import java.util.Map;

/** Loads real {@link Settings} for unit tests, with overrides above the WAR's defaults. */
public final class TestSettings {

    public static final String ACCESS = "unit-access-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ";
    public static final String REFRESH = "unit-refresh-secret-9876543210-zyxwvutsrqponmlkjihgfedcba-JIHGFEDCBA";

    private TestSettings() {
    }

    public static Settings load(Map<String, String> overrides) {
        return Settings.load(TestSettings.class.getClassLoader(), new PropertiesConfigSource(overrides, "test", 450));
    }
}
