package io.gatehouse.admin;

import io.gatehouse.web.ClientInfo;
import java.util.UUID;

/** The administrator performing an action, as recorded in its {@code admin_action} event. */
record AdminActor(UUID adminId, String accessJti, ClientInfo client) {
}
