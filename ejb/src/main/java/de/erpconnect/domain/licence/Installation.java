package de.erpconnect.domain.licence;

import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This ERP installation's licence anchor: its customer number (set by the first activation key)
 * and, in dev mode, the start of the 30-day Enterprise evaluation.
 */
@Entity
@Table(name = "installation")
public class Installation {

    public static final Duration EVALUATION = Duration.ofDays(30);

    /** The realm's text: JPA applies no attribute converter to an id. */
    @Id
    @Column(name = "realm", length = RealmId.MAX_LENGTH)
    private String realm;

    @Column(name = "customer_number", length = 10)
    private String customerNumber;

    @Column(name = "evaluation_started_at")
    private Instant evaluationStartedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Installation() {}

    public Installation(RealmId realm, boolean evaluation, Instant now) {
        this.realm = realm.value();
        this.createdAt = now;
        this.evaluationStartedAt = evaluation ? now : null;
    }

    /** The customer number, once a key has set it. */
    public Optional<String> customerNumber() {
        return Optional.ofNullable(customerNumber);
    }

    public void assignCustomerNumber(String number) {
        if (customerNumber == null) {
            customerNumber = number;
        }
    }

    public Optional<Instant> evaluationEndsAt() {
        return Optional.ofNullable(evaluationStartedAt).map(s -> s.plus(EVALUATION));
    }

    /** Test-only: back to the first start (a fresh evaluation in dev mode). */
    public void reset(boolean evaluation, Instant now) {
        customerNumber = null;
        evaluationStartedAt = evaluation ? now : null;
    }

    public RealmId getRealm() {
        return RealmId.of(realm);
    }
}
