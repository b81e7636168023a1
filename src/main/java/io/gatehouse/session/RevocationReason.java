package io.gatehouse.session;

/** The reason a refresh token stopped being valid before its expiry. */
public enum RevocationReason {
    /** Exchanged for a successor; presenting it again is reuse. */
    ROTATED,
    /** Another token of its family was reused, so the whole family was ended. */
    REUSE_DETECTED,
    /** Its family was ended by logout. */
    LOGOUT,
    /** The account was disabled or deleted. */
    ACCOUNT_DISABLED,
    /** The user ended every session at once. */
    LOGOUT_ALL,
    /** The user ended this session from the session list. */
    SESSION_ENDED,
    /** An administrator ended every session of the account. */
    ADMIN_REVOKED
}
