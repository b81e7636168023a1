package io.gatehouse.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of login and refresh. The token fields are left out when the client asked for
 * cookie-only delivery. Lifetimes are in seconds, as in OAuth 2.0's {@code expires_in}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        String accessToken, String refreshToken, String tokenType, long expiresIn, long refreshExpiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[tokens=<redacted>, expiresIn=" + expiresIn + "]";
    }
}
