package de.erpconnect.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The realm an OAuth record belongs to (DESIGN §6): {@code erp} for this ERP installation, a
 * customer number for a vendor-cloud realm. Records of one realm are never visible in another.
 */
public final class RealmId {

    public static final int MAX_LENGTH = 32;
    public static final RealmId ERP = new RealmId("erp");
    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final String value;

    private RealmId(String value) {
        this.value = value;
    }

    public static RealmId of(String value) {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid realm id");
        }
        return ERP.value.equals(value) ? ERP : new RealmId(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RealmId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
