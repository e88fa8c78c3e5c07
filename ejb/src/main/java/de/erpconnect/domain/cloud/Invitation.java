package de.erpconnect.domain.cloud;

import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A registration link the vendor sends to a customer (DESIGN §9): customer number, company and
 * e-mail are fixed by the vendor; the customer chooses the first user. The link carries a random
 * token of which only the hash is stored; it works once ({@code used_at} is set by a conditional
 * update) and until it expires.
 */
@Entity
@Table(name = "cloud_invitation")
public class Invitation {

    public static final Duration MAX_VALIDITY = Duration.ofDays(30);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "customer_number", nullable = false, length = CustomerNumber.MAX_LENGTH)
    private String customerNumber;

    @Column(name = "company_name", nullable = false, length = CompanyName.MAX_LENGTH)
    private String companyName;

    @Column(name = "email", nullable = false, length = EmailAddress.MAX_LENGTH)
    private String email;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected Invitation() {}

    /** A new invitation and the one copy of its token (for the link). */
    public record Issued(Invitation invitation, String token) {}

    public static Issued issue(
            CustomerNumber customer,
            CompanyName company,
            EmailAddress email,
            Duration validity,
            String createdBy,
            Instant now) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new InvalidInputException("validDays", "An invitation is valid for 1 to 30 days.");
        }
        String token = OpaqueToken.generate();
        Invitation invitation = new Invitation();
        invitation.tokenHash = OpaqueToken.hash(token);
        invitation.customerNumber = customer.value();
        invitation.companyName = company.value();
        invitation.email = email.value();
        invitation.createdBy = createdBy;
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(validity);
        return new Issued(invitation, token);
    }

    /** The vendor takes a link back (sent to a wrong address, say): it expires now. */
    public void withdraw(Instant now) {
        if (usedAt == null && expiresAt.isAfter(now)) {
            expiresAt = now;
        }
    }

    public boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** The realm this invitation registers. */
    public CloudRealm realmFor(Instant now) {
        return new CloudRealm(getCustomerNumber(), new CompanyName(companyName), new EmailAddress(email), now);
    }

    public Long getId() {
        return id;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public CustomerNumber getCustomerNumber() {
        return new CustomerNumber(customerNumber);
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getEmail() {
        return email;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
