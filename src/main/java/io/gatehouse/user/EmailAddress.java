package io.gatehouse.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * An email address in canonical form: trimmed and NFKC-normalised, so that visually identical
 * addresses typed with different Unicode forms are one account. {@link #key()} adds lower-casing
 * for lookups, because providers treat addresses case-insensitively in practice.
 *
 * <p>The syntax check is deliberately practical rather than full RFC 5322: one {@code @}, a local
 * part of at most 64 characters, a domain with a dot, no white space or control characters, and
 * at most 254 characters in all (RFC 5321's limit for a forward path).
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;

    /** Returns the canonical address, or empty when the input is not a plausible address. */
    public static Optional<EmailAddress> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String canonical = Normalizer.normalize(input, Normalizer.Form.NFKC).strip();
        return isPlausible(canonical) ? Optional.of(new EmailAddress(canonical)) : Optional.empty();
    }

    /**
     * Returns the key that rate limits and lockout use for any login input, valid address or not:
     * the same normalisation as {@link #key()}, cut to the maximum address length.
     */
    public static String lookupKey(String input) {
        String key = Normalizer.normalize(input == null ? "" : input, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }

    /** The lookup key: the canonical address in lower case. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    private static boolean isPlausible(String address) {
        if (address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        if (address.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at > MAX_LOCAL_PART_LENGTH) {
            return false;
        }
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        return dot > 0 && dot < domain.length() - 1 && !domain.startsWith("-") && !domain.contains("..");
    }
}
