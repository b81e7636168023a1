package io.gatehouse.web;

import io.gatehouse.error.GatehouseException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the expected failures of Gatehouse's services into problem responses. */
@Provider
public final class GatehouseExceptionMapper implements ExceptionMapper<GatehouseException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(GatehouseException exception) {
        Problem problem = new Problem(exception.code(), exception.getMessage(),
                RequestPaths.of(uriInfo), exception.extensions());
        Response response = ProblemResponses.of(problem);
        if (exception.retryAfterSeconds() > 0) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds()).build();
        }
        return response;
    }
}
