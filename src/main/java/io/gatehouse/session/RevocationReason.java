package io.gatehouse.session;

/** Why a refresh token stopped being valid before its expiry. */
public enum RevocationReason {
    /** Exchanged for a successor; presenting it again is reuse. */
    ROTATED,
    /** Another token of its family was reused, so the whole family was ended. */
    REUSE_DETECTED,
    /** Its family was ended by logout. */
    LOGOUT,
    /** The account was disabled or deleted. */
    ACCOUNT_DISABLED
}
