package io.gatehouse.web;

import io.gatehouse.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page, declared in {@code web.xml}. Errors raised by the servlet container
 * itself, outside Jersey, would otherwise produce an HTML page naming the server; this one
 * returns a problem document like every other error.
 */
public final class ErrorPageServlet extends HttpServlet {

    public static final String PATH = "/gatehouse-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorCode code = status instanceof Integer value ? codeFor(value) : ErrorCode.NOT_FOUND;
        ServletProblemWriter.write(response, Problem.of(code, detailFor(code), path));
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.DATABASE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    private static String detailFor(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "No resource exists at this path.";
            case METHOD_NOT_ALLOWED -> "This resource does not support the request method.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case MALFORMED_REQUEST -> "The request is malformed.";
            default -> "The server failed to process the request.";
        };
    }
}
