package de.erpconnect.application.licence;

import java.time.Instant;

/**
 * A partner app's activation was deactivated (DESIGN §3): its applications must stop getting
 * tokens, and their tokens stop working, at once. Fired synchronously inside the deactivation's
 * transaction; the observer of the client feature deactivates the applications and counts them
 * here, for the event log.
 */
public final class PartnerAppWithdrawn {

    private final String partnerAppCode;
    private final Instant at;
    private int applicationsStopped;

    public PartnerAppWithdrawn(String partnerAppCode, Instant at) {
        this.partnerAppCode = partnerAppCode;
        this.at = at;
    }

    /** When the activation was deactivated. */
    public Instant at() {
        return at;
    }

    public String partnerAppCode() {
        return partnerAppCode;
    }

    public void stopped(int applications) {
        applicationsStopped += applications;
    }

    public int applicationsStopped() {
        return applicationsStopped;
    }
}
