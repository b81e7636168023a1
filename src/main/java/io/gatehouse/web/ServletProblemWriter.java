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
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        String challenge = problem.bearerChallenge();
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        JsonMapper.shared().writeValue(response.getOutputStream(), problem.toJson());
    }
}
