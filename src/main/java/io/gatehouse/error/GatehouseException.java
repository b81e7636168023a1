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

    public GatehouseException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public GatehouseException(ErrorCode code, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra problem members, such as the list of required permissions. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
