package de.erpconnect.application.platform;

import de.erpconnect.domain.platform.PlatformProfile;
import java.time.Instant;

/** A platform profile as the admin API shows it; {@code consentUrl} only in the answer of ANMELDEN/AKTUALISIEREN. */
public record PlatformView(
        long id,
        String name,
        String type,
        boolean useCloud,
        boolean active,
        String country,
        String countryName,
        String sellingRegion,
        String sellingRegionName,
        String status,
        boolean registeredInCloud,
        String sellingPartnerId,
        String marketplaces,
        Instant checkedAt,
        Instant authorizedAt,
        Instant reauthorizeBy,
        boolean reauthorizationDue,
        String message,
        String transactionKind,
        String shippingPayment,
        String paymentMethod,
        String shippingMethod,
        String consentUrl) {

    static PlatformView of(PlatformProfile p, String consentUrl, Instant now) {
        Instant due = p.reauthorizeBy();
        return new PlatformView(
                p.getId(),
                p.getName(),
                p.getType(),
                p.isUseCloud(),
                p.isActive(),
                p.getCountry().name(),
                p.getCountry().germanName(),
                p.getCountry().region().name(),
                p.getCountry().region().germanName(),
                p.getStatus().name(),
                p.isRegistered(),
                p.getSellingPartnerId(),
                p.getMarketplaces(),
                p.getCheckedAt(),
                p.getAuthorizedAt(),
                due,
                due != null && now.plus(PlatformService.REAUTHORIZATION_WARNING).isAfter(due),
                p.getLastMessage(),
                p.getTransactionKind(),
                p.getShippingPayment(),
                p.getPaymentMethod(),
                p.getShippingMethod(),
                consentUrl);
    }

    /** A marketplace to choose as "Region": code, German name, selling region. */
    public record Region(String code, String name, String sellingRegion, String sellingRegionName) {}
}
