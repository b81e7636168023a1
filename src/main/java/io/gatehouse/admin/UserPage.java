package io.gatehouse.admin;

import java.util.List;

/** One page of users; {@code total} counts every user matching the filter. */
public record UserPage(List<AdminUserView> items, int page, int size, long total) {
}
