package io.gatehouse.web;

import io.gatehouse.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document: the standard members plus Gatehouse's stable {@code code} and any
 * extensions, such as the permissions a request lacked.
 */
public record Problem(ErrorCode code, String detail, String instance, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(ErrorCode code, String detail, String instance) {
        return new Problem(code, detail, instance, Map.of());
    }

    /** The JSON members in the order RFC 9457 lists them, extensions last. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", code.typeUri());
        json.put("title", code.title());
        json.put("status", code.status());
        json.put("detail", detail);
        json.put("code", code.name());
        if (instance != null) {
            json.put("instance", instance);
        }
        json.putAll(extensions);
        return json;
    }

    /**
     * The {@code WWW-Authenticate} value for this problem, or null when none belongs: every 401
     * needs a challenge (RFC 9110 section 15.5.2), and a 403 for missing permissions carries
     * {@code insufficient_scope} (RFC 6750 section 3.1).
     */
    public String bearerChallenge() {
        if (code.status() != 401 && code.bearerError() == null) {
            return null;
        }
        StringBuilder challenge = new StringBuilder("Bearer realm=\"gatehouse\"");
        if (code.bearerError() != null) {
            challenge.append(", error=\"").append(code.bearerError()).append('"');
            challenge.append(", error_description=\"").append(detail.replace("\"", "'")).append('"');
        }
        return challenge.toString();
    }
}
