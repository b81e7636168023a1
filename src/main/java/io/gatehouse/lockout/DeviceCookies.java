package io.gatehouse.lockout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed device cookies, after OWASP's "Slow Down Online Guessing Attacks with Device Cookies".
 * A browser that logged in to an account successfully receives a cookie naming a random device id,
 * the user id and the issue time, signed with HMAC-SHA256. While the account is locked for
 * everyone else, a request with a valid cookie for that account gets a small budget of its own.
 *
 * <p>The signing key is derived from the access-token secret, so no extra secret is needed and
 * rotating that secret invalidates all device cookies.
 */
public final class DeviceCookies {

    public static final String COOKIE_NAME = "gatehouseDevice";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int DEVICE_ID_BYTES = 16;

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DeviceCookies(byte[] accessSecret, Duration lifetime, Clock clock) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(accessSecret, ALGORITHM), "gatehouse device cookie key"), ALGORITHM);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Returns a new cookie value for the user: {@code deviceId.userId.issuedAt.signature}. */
    public String issue(UUID userId) {
        byte[] deviceId = new byte[DEVICE_ID_BYTES];
        random.nextBytes(deviceId);
        String payload = ENCODER.encodeToString(deviceId) + "." + userId + "." + clock.instant().getEpochSecond();
        return payload + "." + ENCODER.encodeToString(hmac(key, payload));
    }

    /** Returns the device id when the cookie is genuine, unexpired and issued for this user. */
    public Optional<String> verify(String cookie, UUID userId) {
        if (cookie == null || cookie.length() > 200) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.");
        if (parts.length != 4 || !parts[1].equals(userId.toString())) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] expected = hmac(key, payload);
        byte[] actual;
        try {
            actual = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, actual) || isExpired(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(parts[0]);
    }

    private boolean isExpired(String issuedAt) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(issuedAt)).plus(lifetime).isBefore(clock.instant());
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
