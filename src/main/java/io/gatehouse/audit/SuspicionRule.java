package io.gatehouse.audit;

import java.util.Locale;

/** The patterns {@link SuspiciousActivityDetector} looks for. */
public enum SuspicionRule {
    /** Many failed logins from one IP address within the window. */
    IP_FAILURES,
    /** One IP address failing against many distinct accounts within the window. */
    CREDENTIAL_STUFFING,
    /** Many IP addresses failing against one account within the window. */
    DISTRIBUTED_ATTACK,
    /** A refresh token presented again after rotation. */
    REFRESH_REUSE,
    /** A successful login right after a burst of failures against the account. */
    SUCCESS_AFTER_FAILURES,
    /** A successful login with a User-Agent never seen before for the account. */
    NEW_USER_AGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
