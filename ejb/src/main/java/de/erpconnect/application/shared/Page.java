package de.erpconnect.application.shared;

import java.util.List;

/** One page of a list: {@code {"items":[…],"total":N}} (DESIGN §10). */
public record Page<T>(List<T> items, long total) {}
