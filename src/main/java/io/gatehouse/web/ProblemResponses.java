package io.gatehouse.web;

import io.gatehouse.error.ErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds JAX-RS responses for problems, so every mapper sets the same headers. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.code().status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson());
        String challenge = problem.bearerChallenge();
        if (challenge != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return response.build();
    }

    static Response of(ErrorCode code, String detail, String instance) {
        return of(Problem.of(code, detail, instance));
    }
}
