package io.gatehouse.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a problem document from servlet code, where JAX-RS exception mappers do not reach. */
public final class ServletProblemWriter {

    private ServletProblemWriter() {
    }

    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.code().status());
        // JSON is UTF-8 by definition (RFC 8259), and the JAX-RS responses name no charset either.
        response.setContentType(Problem.MEDIA_TYPE);
        String challenge = problem.bearerChallenge();
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        JsonMapper.shared().writeValue(response.getOutputStream(), problem.toJson());
    }
}
