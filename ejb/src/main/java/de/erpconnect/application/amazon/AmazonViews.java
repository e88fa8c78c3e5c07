package de.erpconnect.application.amazon;

import java.time.Instant;
import java.util.List;

/** What the cloud's platform API and the vendor's LWA endpoint answer. */
public final class AmazonViews {

    private AmazonViews() {}

    /**
     * A platform as the ERP sees it: {@code consentUrl} only in the answer that issued it; the
     * authorization is its selling region's.
     */
    public record PlatformState(
            long id,
            String name,
            String country,
            String sellingRegion,
            String status,
            String sellingPartnerId,
            Instant authorizedAt,
            Instant reauthorizeBy,
            List<String> marketplaces,
            Instant checkedAt,
            String lastError,
            String consentUrl) {}

    /** The cloud's LWA client without its secret; {@code rotateBy} is set-at + 180 days. */
    public record LwaClientView(String clientId, Instant setAt, String setBy, Instant rotateBy, boolean rotationDue) {}

    /**
     * The answer of the callback: authenticated (with the connection check's result), refused
     * (kept on the platform), or no valid consent at all (a missing, forged or expired state).
     */
    public record CallbackOutcome(Result result, String message) {

        public enum Result {
            AUTHENTICATED,
            REFUSED,
            INVALID
        }

        public boolean ok() {
            return result == Result.AUTHENTICATED;
        }
    }
}
