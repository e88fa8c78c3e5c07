package de.erpconnect.application.platform;

import de.erpconnect.domain.platform.PlatformProfile;
import jakarta.validation.constraints.Size;

/**
 * Create or change a platform profile (DESIGN §9). On create, name and country are required,
 * type defaults to {@code AMAZON}, useCloud and active to true; on change, a field left out keeps
 * its value.
 */
public record PlatformCommand(
        @Size(max = PlatformProfile.NAME_MAX, message = "name must be at most 100 characters.")
        String name,

        @Size(max = 16, message = "type is AMAZON.") String type,
        Boolean useCloud,
        Boolean active,

        @Size(max = 8, message = "country is a marketplace code such as DE.")
        String country,

        @Size(max = 32, message = "transactionKind is too long.")
        String transactionKind,

        @Size(max = 64, message = "shippingPayment is too long.")
        String shippingPayment,

        @Size(max = 64, message = "paymentMethod is too long.")
        String paymentMethod,

        @Size(max = 64, message = "shippingMethod is too long.")
        String shippingMethod) {}
