package io.gatehouse.config;

/**
 * Thrown at startup when a setting is missing or unsafe. The message is one line that names the
 * setting and the rule, and never contains a secret value.
 */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
