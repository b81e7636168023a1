package io.gatehouse.web;

import io.gatehouse.error.ErrorCode;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Maps the exceptions Jersey raises itself (unknown route, wrong method or media type) to
 * problem responses. Their own messages are replaced, because they can echo request details.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LogManager.getLogger(WebApplicationExceptionMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        String path = RequestPaths.of(uriInfo);
        if (exception instanceof NotFoundException) {
            return ProblemResponses.of(ErrorCode.NOT_FOUND, "No resource exists at this path.", path);
        }
        if (exception instanceof NotAllowedException) {
            Response problem = ProblemResponses.of(ErrorCode.METHOD_NOT_ALLOWED,
                    "This resource does not support the request method.", path);
            String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
        }
        if (exception instanceof NotSupportedException) {
            return ProblemResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as application/json.", path);
        }
        if (exception instanceof NotAcceptableException) {
            return ProblemResponses.of(ErrorCode.NOT_ACCEPTABLE,
                    "This resource produces application/json only.", path);
        }

        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed inside Jersey", exception);
            return ProblemResponses.of(ErrorCode.INTERNAL_ERROR, "The server failed to process the request.", path);
        }
        LOG.debug("Rejected request with status {}: {}", status, exception.getMessage());
        return ProblemResponses.of(ErrorCode.MALFORMED_REQUEST, "The request is malformed.", path);
    }
}
