package io.gatehouse.user;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks a new password: a minimum length, bcrypt's input limit and a zxcvbn strength score.
 *
 * <p>bcrypt reads only the first 72 bytes of its input, so a longer password is rejected rather
 * than silently truncated: two passwords sharing those 72 bytes would otherwise both log in.
 */
public final class PasswordPolicy {

    public static final int MAX_BYTES = 72;

    private final int minLength;
    private final int minStrength;
    private final Zxcvbn zxcvbn = new Zxcvbn();

    public PasswordPolicy(int minLength, int minStrength) {
        this.minLength = minLength;
        this.minStrength = minStrength;
    }

    /** Returns whether bcrypt can hash the password without truncating it. */
    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * Throws unless the password is acceptable for the given account.
     *
     * @throws GatehouseException {@code PASSWORD_TOO_LONG} or {@code WEAK_PASSWORD}; the detail
     *     says why and never repeats the password
     */
    public void check(String password, EmailAddress email) {
        if (!fitsBcrypt(password)) {
            throw new GatehouseException(ErrorCode.PASSWORD_TOO_LONG,
                    "Password is longer than " + MAX_BYTES + " bytes in UTF-8, the most bcrypt can hash.");
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            throw new GatehouseException(ErrorCode.WEAK_PASSWORD,
                    "Password must be at least " + minLength + " characters long.");
        }

        // The address is a user input to zxcvbn, so passwords built from it score as guessable.
        String localPart = email.value().substring(0, email.value().indexOf('@'));
        Strength strength = zxcvbn.measure(password, List.of(email.value(), localPart));
        if (strength.getScore() < minStrength) {
            throw new GatehouseException(ErrorCode.WEAK_PASSWORD, weakDetail(strength));
        }
    }

    private String weakDetail(Strength strength) {
        StringBuilder detail = new StringBuilder("Password is too easy to guess (strength ")
                .append(strength.getScore()).append(" of 4, at least ").append(minStrength).append(" required).");
        String warning = strength.getFeedback().getWarning();
        if (warning != null && !warning.isBlank()) {
            detail.append(' ').append(warning.strip());
            if (!warning.strip().endsWith(".")) {
                detail.append('.');
            }
        }
        for (String suggestion : strength.getFeedback().getSuggestions()) {
            detail.append(' ').append(suggestion.strip());
        }
        return detail.toString();
    }
}
