package io.gatehouse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client for tests against the deployed WAR. It keeps no cookies: each test sends
 * exactly the cookies it means to, and reads {@code Set-Cookie} itself.
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Http(URL base) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    }

    /** The origin of the deployment, such as {@code http://127.0.0.1:41234}. */
    public String origin() {
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    /** Registers an account and returns the response, failing the test unless it is 201. */
    public Response register(String email, String password) {
        Response response = post("api/auth/register").json(Map.of("email", email, "password", password)).send();
        if (response.status() != 201) {
            throw new AssertionError("Registration of " + email + " failed: " + response);
        }
        return response;
    }

    /** Logs in and returns the response, failing the test unless it is 200. */
    public Response login(String email, String password) {
        Response response = post("api/auth/login").json(Map.of("email", email, "password", password)).send();
        if (response.status() != 200) {
            throw new AssertionError("Login of " + email + " failed: " + response);
        }
        return response;
    }

    public final class Request {

        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.path = path.startsWith("/") ? path.substring(1) : path;
        }

        public Request header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        /** Sends this service's own origin, as a browser does on a same-origin POST. */
        public Request sameOrigin() {
            return header("Origin", origin());
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request cookie(String name, String value) {
            return header("Cookie", name + "=" + value);
        }

        public Request json(Object value) {
            try {
                return body("application/json", JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Request body(String contentType, String text) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            for (int i = 0; i < headers.size(); i += 2) {
                builder.header(headers.get(i), headers.get(i + 1));
            }
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + method + " " + path, e);
            }
        }
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String text() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("Response body is not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** Returns the whole Set-Cookie header of the named cookie, or null. */
        public String setCookie(String name) {
            return headers("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst().orElse(null);
        }

        /** Returns the value of the named cookie from its Set-Cookie header, or null. */
        public String cookieValue(String name) {
            String cookie = setCookie(name);
            if (cookie == null) {
                return null;
            }
            int end = cookie.indexOf(';');
            return cookie.substring(name.length() + 1, end < 0 ? cookie.length() : end);
        }

        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
