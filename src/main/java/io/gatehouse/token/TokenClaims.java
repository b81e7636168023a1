package io.gatehouse.token;

/** Names of the private claims Gatehouse writes; the registered ones come from RFC 7519. */
final class TokenClaims {

    static final String EMAIL = "email";
    static final String ROLE = "role";
    static final String PERMISSIONS = "permissions";
    static final String FAMILY_ID = "family_id";
    /** The session id of OpenID Connect Front-Channel Logout 1.0, here the refresh-token family. */
    static final String SESSION_ID = "sid";

    private TokenClaims() {
    }
}
