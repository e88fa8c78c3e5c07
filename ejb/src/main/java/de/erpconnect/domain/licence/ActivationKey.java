package de.erpconnect.domain.licence;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The signed content of an activation key: ids, bit masks and dates only (DESIGN §3). Names and
 * scopes of partner apps come from the catalogue, by {@code partnerAppId}.
 *
 * @param edition the edition a product key grants (null for partner-app keys)
 * @param partnerAppId the catalogue id a partner-app key unlocks (0 for product keys)
 * @param allowedEditions the editions in which the key may be activated
 */
public record ActivationKey(
        int keyId,
        KeyKind kind,
        long customerNumber,
        Edition edition,
        int partnerAppId,
        int minBuild,
        Set<Edition> allowedEditions,
        LocalDate validUntil) {

    public static final long MAX_CUSTOMER_NUMBER = 9_999_999_999L;

    public ActivationKey {
        if (keyId < 1) {
            throw new IllegalArgumentException("keyId must be positive");
        }
        if (customerNumber < 0 || customerNumber > MAX_CUSTOMER_NUMBER) {
            throw new IllegalArgumentException("customer numbers have at most 10 digits");
        }
        if (kind == KeyKind.PRODUCT && (edition == null || partnerAppId != 0)) {
            throw new IllegalArgumentException("a product key grants an edition and no partner app");
        }
        if (kind == KeyKind.PARTNER_APP && (edition != null || partnerAppId < 1 || partnerAppId > 0xFFFF)) {
            throw new IllegalArgumentException("a partner-app key names one partner app (1..65535) and no edition");
        }
        if (minBuild < 0 || minBuild > 0xFFFF) {
            throw new IllegalArgumentException("minBuild out of range");
        }
        if (allowedEditions == null || allowedEditions.isEmpty()) {
            throw new IllegalArgumentException("a key must allow at least one edition");
        }
        allowedEditions = Set.copyOf(EnumSet.copyOf(allowedEditions));
    }

    /** The customer number as the ERP prints it: ten digits. */
    public String customerNumberText() {
        return formatCustomerNumber(customerNumber);
    }

    public static String formatCustomerNumber(long number) {
        return String.format("%010d", number);
    }
}
