package de.erpconnect.domain.licence;

import java.util.EnumSet;
import java.util.Set;

/** The editions of the ERP (DESIGN §3) and what each allows. */
public enum Edition {
    STANDARD(1),
    CORE(2),
    ENTERPRISE(4);

    private final int bit;

    Edition(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean allowsPartnerApps() {
        return this != STANDARD;
    }

    public boolean allowsOwnApplications() {
        return this == ENTERPRISE;
    }

    public boolean allowsPublicClients() {
        return this == ENTERPRISE;
    }

    public boolean allowsPlayground() {
        return this == ENTERPRISE;
    }

    public static int mask(Set<Edition> editions) {
        int mask = 0;
        for (Edition e : editions) {
            mask |= e.bit;
        }
        return mask;
    }

    public static EnumSet<Edition> fromMask(int mask) {
        EnumSet<Edition> set = EnumSet.noneOf(Edition.class);
        for (Edition e : values()) {
            if ((mask & e.bit) != 0) {
                set.add(e);
            }
        }
        return set;
    }

    public static Edition fromBit(int bit) {
        for (Edition e : values()) {
            if (e.bit == bit) {
                return e;
            }
        }
        throw new IllegalArgumentException("no edition with bit " + bit);
    }
}
