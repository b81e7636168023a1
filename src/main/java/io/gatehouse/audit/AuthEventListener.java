package io.gatehouse.audit;

/** Receives every event at the moment it is recorded, before it is queued for writing. */
@FunctionalInterface
public interface AuthEventListener {

    /** Called on the recording thread, which may be a request's: it must be fast and must not block. */
    void onEvent(AuthEvent event);
}
