package de.erpconnect.application.client;

import de.erpconnect.domain.client.ClientApplication;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** "Secret erneuern": how long the old secret stays valid (0 = ends at once; default one day). */
public record SecretRotationCommand(
        @Min(value = 0, message = "graceSeconds must not be negative.")
        @Max(value = ClientApplication.MAX_GRACE_SECONDS, message = "graceSeconds must be at most 30 days.")
        Long graceSeconds) {

    public static final long DEFAULT_GRACE_SECONDS = 86_400;
}
