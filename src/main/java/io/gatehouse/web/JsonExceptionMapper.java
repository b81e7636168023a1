package io.gatehouse.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gatehouse.error.ErrorCode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * Maps request bodies that Jackson cannot read to {@code MALFORMED_REQUEST}. The detail names
 * the offending field but never quotes the input, which may contain a password.
 */
@Provider
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (BodySizeLimitFilter.isCause(exception)) {
            return ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.", RequestPaths.of(uriInfo));
        }
        return ProblemResponses.of(ErrorCode.MALFORMED_REQUEST, detail(exception), RequestPaths.of(uriInfo));
    }

    private static String detail(JsonProcessingException exception) {
        if (exception instanceof JsonParseException) {
            return "The request body is not valid JSON.";
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "Field '" + unknown.getPropertyName() + "' is not recognised.";
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "Field '" + field + "' has the wrong type.";
        }
        return "The request body does not have the expected JSON structure.";
    }
}
