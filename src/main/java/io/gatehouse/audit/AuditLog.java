package io.gatehouse.audit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.StringMapMessage;

/**
 * Writes each auth event to the log4j logger {@code gatehouse.audit} as a map message. The
 * logging configuration gives that logger a JSON Template Layout, so each event becomes one JSON
 * line that a log shipper can forward unchanged.
 */
final class AuditLog {

    static final String LOGGER_NAME = "gatehouse.audit";
    private static final Logger LOG = LogManager.getLogger(LOGGER_NAME);

    void write(AuthEvent event) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringMapMessage message = new StringMapMessage()
                .with("id", event.id().toString())
                .with("occurredAt", event.occurredAt().toString())
                .with("type", event.type().wireName())
                .with("success", Boolean.toString(event.success()));
        putIfPresent(message, "userId", event.userId());
        putIfPresent(message, "clientIp", event.clientIp());
        putIfPresent(message, "userAgent", event.userAgent());
        putIfPresent(message, "errorCode", event.errorCode());
        putIfPresent(message, "jti", event.jti());
        putIfPresent(message, "detail", event.detail());
        LOG.info(message);
    }

    private static void putIfPresent(StringMapMessage message, String key, Object value) {
        if (value != null) {
            message.with(key, value.toString());
        }
    }
}
