package io.gatehouse.web;

import io.gatehouse.error.ErrorCode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The last resort for exceptions no other mapper handles. A database outage becomes
 * {@code 503 DATABASE_UNAVAILABLE} so clients and load balancers can retry; anything else is a
 * bug and becomes {@code 500 INTERNAL_ERROR}. The client never sees the exception's text.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LogManager.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        String path = RequestPaths.of(uriInfo);
        if (BodySizeLimitFilter.isCause(exception)) {
            return ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.", path);
        }
        if (DatabaseFailures.isUnavailable(exception)) {
            LOG.error("Database unavailable while serving {}: {}", path, exception.toString());
            return ProblemResponses.of(ErrorCode.DATABASE_UNAVAILABLE,
                    "The database is unavailable. Retry later.", path);
        }
        LOG.error("Unexpected failure while serving {}", path, exception);
        return ProblemResponses.of(ErrorCode.INTERNAL_ERROR, "The server failed to process the request.", path);
    }
}
