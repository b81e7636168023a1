package io.gatehouse.config;

/**
 * Rules for an HMAC signing secret. 64 characters is twice the 256 bits that HS256 needs even
 * when the secret is hex, and the distinct-character rule rejects placeholders such as 64 times
 * the letter {@code a}.
 */
final class SecretPolicy {

    static final int MIN_LENGTH = 64;
    static final int MIN_DISTINCT_CHARACTERS = 8;
    static final String RULE = "at least " + MIN_LENGTH + " characters with at least "
            + MIN_DISTINCT_CHARACTERS + " distinct ones (for example: openssl rand -base64 48)";

    private SecretPolicy() {
    }

    /**
     * Throws when the secret is too short or too repetitive.
     *
     * @param name the setting's name, used in the message; the value never is
     */
    static void check(String name, String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new ConfigurationException(name + " is too short (" + secret.length()
                    + " characters): it must be " + RULE);
        }
        long distinct = secret.chars().distinct().count();
        if (distinct < MIN_DISTINCT_CHARACTERS) {
            throw new ConfigurationException(name + " is too repetitive (" + distinct
                    + " distinct characters): it must be " + RULE);
        }
    }
}
