package io.gatehouse.web;

import jakarta.ws.rs.core.UriInfo;

/** The request path used as a problem's {@code instance} member. */
final class RequestPaths {

    private RequestPaths() {
    }

    static String of(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
