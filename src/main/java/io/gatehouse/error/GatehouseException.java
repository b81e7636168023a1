package io.gatehouse.error;

import java.util.Map;

/**
 * A failure that reaches the client as a problem document with a stable {@link ErrorCode}.
 *
 * <p>The detail is shown to the client, so it must never contain a token, password, secret or
 * internal detail such as SQL or a stack trace.
 */
public class GatehouseException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> extensions;
    private final long retryAfterSeconds;

    public GatehouseException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public GatehouseException(ErrorCode code, String detail, Map<String, Object> extensions) {
        this(code, detail, extensions, 0);
    }

    private GatehouseException(ErrorCode code, String detail, Map<String, Object> extensions, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Creates a failure the client may retry after the given number of seconds, sent as {@code Retry-After}. */
    public static GatehouseException retryLater(ErrorCode code, String detail, long retryAfterSeconds) {
        return new GatehouseException(code, detail, Map.of(), Math.max(1, retryAfterSeconds));
    }

    /** Seconds for the {@code Retry-After} header, or 0 when the response gets none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra problem members, such as the list of required permissions. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
