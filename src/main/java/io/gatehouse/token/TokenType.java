package io.gatehouse.token;

import com.nimbusds.jose.JOSEObjectType;

/**
 * The two kinds of token, told apart by the JOSE {@code typ} header. Access tokens use
 * {@code at+jwt} from RFC 9068. Verification requires the expected type, so a refresh token
 * presented as an access token fails even before its signature, which uses another secret, would.
 */
public enum TokenType {
    ACCESS(new JOSEObjectType("at+jwt")),
    REFRESH(new JOSEObjectType("refresh+jwt"));

    private final JOSEObjectType joseType;

    TokenType(JOSEObjectType joseType) {
        this.joseType = joseType;
    }

    JOSEObjectType joseType() {
        return joseType;
    }
}
