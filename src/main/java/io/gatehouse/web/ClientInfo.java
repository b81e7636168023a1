package io.gatehouse.web;

/**
 * Where a request came from, as recorded with sessions and logged with events.
 *
 * @param ip the client address; the socket's remote address unless a trusted proxy reported it
 * @param userAgent the User-Agent header, cut to {@link #MAX_USER_AGENT_LENGTH} characters, or null
 */
public record ClientInfo(String ip, String userAgent) {

    public static final int MAX_USER_AGENT_LENGTH = 512;

    public ClientInfo {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT_LENGTH) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT_LENGTH);
        }
    }
}
