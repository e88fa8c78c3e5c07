package de.erpconnect.domain.erp;

import java.util.List;

/**
 * Which part of an index a read covers (reference §2.2): {@code exactMatch} (lower = upper = the
 * key, a prefix of the index's key fields), {@code nearestMatch} (from the key on), {@code
 * allBetween} (from / to, to optionally exclusive), or the whole index. Bounds compare key
 * prefixes in index order.
 */
public record KeyRange(List<Object> lower, boolean lowerInclusive, List<Object> upper, boolean upperInclusive) {

    public static final KeyRange ALL = new KeyRange(List.of(), true, List.of(), true);

    public static KeyRange exact(List<Object> key) {
        return new KeyRange(key, true, key, true);
    }

    public static KeyRange from(List<Object> key) {
        return new KeyRange(key, true, List.of(), true);
    }

    public boolean isExact() {
        return !lower.isEmpty() && lower.equals(upper) && lowerInclusive && upperInclusive;
    }
}
