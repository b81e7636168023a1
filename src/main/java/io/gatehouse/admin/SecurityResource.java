package io.gatehouse.admin;

import static io.gatehouse.admin.AdminResponses.noStore;

import io.gatehouse.audit.AuthEventStore;
import io.gatehouse.audit.AuthEventType;
import io.gatehouse.audit.SecurityReportService;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import io.gatehouse.security.RequiresPermission;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The security report and the auth event listing; both need {@code security:read}. */
@Path("api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission("security:read")
public final class SecurityResource {

    static final int MAX_EVENTS_LISTED = 1000;

    private final SecurityReportService reports;
    private final AuthEventStore events;
    private final Clock clock;

    public SecurityResource(SecurityReportService reports, AuthEventStore events, Clock clock) {
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the report for {@code [from, to)}, by default the last 24 hours. */
    @GET
    @Path("security-report")
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.parse(from, to, clock);
        return Response.ok(reports.report(range.from(), range.to())).cacheControl(noStore()).build();
    }

    /**
     * Lists stored events, newest first, optionally of one type or one user. Events reach the
     * database within one {@code gatehouse.audit.flush-interval} of being recorded.
     */
    @GET
    @Path("events")
    public Response list(@QueryParam("type") String type, @QueryParam("userId") String userId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_EVENTS_LISTED) {
            throw malformed("Query parameter 'limit' must be between 1 and " + MAX_EVENTS_LISTED + ".");
        }
        TimeRange range = TimeRange.parse(from, to, clock);
        AuthEventStore.EventFilter filter = new AuthEventStore.EventFilter(range.from(), range.to(), eventType(type), user(userId));
        List<EventView> listed = events.recent(filter, limit).stream().map(EventView::of).toList();
        return Response.ok(listed).cacheControl(noStore()).build();
    }

    private static AuthEventType eventType(String type) {
        if (type == null) {
            return null;
        }
        return AuthEventType.fromWireName(type).orElseThrow(() -> malformed("Query parameter 'type' must be one of "
                + Arrays.stream(AuthEventType.values()).map(AuthEventType::wireName).collect(Collectors.joining(", ")) + "."));
    }

    private static UUID user(String userId) {
        if (userId == null) {
            return null;
        }
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw malformed("Query parameter 'userId' must be a UUID.");
        }
    }

    private static GatehouseException malformed(String detail) {
        return new GatehouseException(ErrorCode.MALFORMED_REQUEST, detail);
    }
}
