package io.gatehouse.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.support.Http.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads auth events through {@code GET /api/admin/events}. Events are written by a background
 * thread, so the helpers poll until the expected events appear or a timeout passes.
 */
public final class Events {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 100;

    private Events() {
    }

    /** Returns the events that the query selects, newest first. */
    public static List<JsonNode> list(Http http, String adminToken, String query) {
        Response response = http.get("api/admin/events?limit=1000" + (query.isEmpty() ? "" : "&" + query)).bearer(adminToken).send();
        if (response.status() != 200) {
            throw new AssertionError("Listing events failed: " + response);
        }
        List<JsonNode> events = new ArrayList<>();
        response.json().forEach(events::add);
        return events;
    }

    /** Polls until at least {@code count} selected events match, then returns all selected events. */
    public static List<JsonNode> await(Http http, String adminToken, String query, Predicate<JsonNode> match, int count) {
        return await(http, () -> adminToken, query, match, count);
    }

    /**
     * Polls like {@link #await(Http, String, String, Predicate, int)}, asking for a token before
     * each poll, for deployments whose access tokens expire within the wait.
     */
    public static List<JsonNode> await(Http http, Supplier<String> adminToken, String query, Predicate<JsonNode> match,
            int count) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<JsonNode> events = list(http, adminToken.get(), query);
        while (events.stream().filter(match).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " matching events for '" + query + "' within " + TIMEOUT
                        + ", found: " + events);
            }
            sleep(POLL_MILLIS);
            events = list(http, adminToken.get(), query);
        }
        return events;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }
}
