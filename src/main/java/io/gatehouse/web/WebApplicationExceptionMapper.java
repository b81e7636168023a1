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
import org.glassfish.jersey.server.ParamException;
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
        if (exception instanceof ParamException param) {
            return paramProblem(param, path);
        }
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
        if (status == 404) {
            return ProblemResponses.of(ErrorCode.NOT_FOUND, "No resource exists at this path.", path);
        }
        if (status >= 500) {
            LOG.error("Request failed inside Jersey", exception);
            return ProblemResponses.of(ErrorCode.INTERNAL_ERROR, "The server failed to process the request.", path);
        }
        LOG.debug("Rejected request with status {}: {}", status, exception.getMessage());
        return ProblemResponses.of(ErrorCode.MALFORMED_REQUEST, "The request is malformed.", path);
    }

    /**
     * Names the parameter that could not be converted. A path parameter of the wrong form, such as
     * an id that is not a UUID, matches no resource, so it is a 404 as JAX-RS prescribes.
     */
    private static Response paramProblem(ParamException exception, String path) {
        String kind = switch (exception.getParameterType().getSimpleName()) {
            case "PathParam" -> "Path parameter";
            case "QueryParam" -> "Query parameter";
            case "HeaderParam" -> "Header";
            case "CookieParam" -> "Cookie";
            default -> "Parameter";
        };
        String detail = kind + " '" + exception.getParameterName() + "' has an invalid value.";
        if (exception instanceof ParamException.PathParamException) {
            return ProblemResponses.of(ErrorCode.NOT_FOUND, detail, path);
        }
        return ProblemResponses.of(ErrorCode.MALFORMED_REQUEST, detail, path);
    }
}
