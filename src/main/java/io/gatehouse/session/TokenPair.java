package io.gatehouse.session;

import io.gatehouse.token.IssuedToken;

/** The access and refresh token handed out by a login or a refresh. */
public record TokenPair(IssuedToken accessToken, IssuedToken refreshToken) {
}
