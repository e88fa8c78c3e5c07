package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer's realm in the vendor cloud. Its id is the customer number; the realm's users,
 * applications, signing keys and tokens are the OAuth records that carry this id.
 */
@Entity
@Table(name = "cloud_realm")
public class CloudRealm {

    /** The customer number; a plain column, since JPA applies no converter to an id. */
    @Id
    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private String realm;

    @Column(name = "company_name", nullable = false, length = CompanyName.MAX_LENGTH)
    private String companyName;

    @Column(name = "email", nullable = false, length = EmailAddress.MAX_LENGTH)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CloudRealm() {}

    CloudRealm(CustomerNumber customer, CompanyName company, EmailAddress email, Instant now) {
        this.realm = customer.realm().value();
        this.companyName = company.value();
        this.email = email.value();
        this.createdAt = now;
    }

    public RealmId getRealm() {
        return RealmId.of(realm);
    }

    public CustomerNumber getCustomerNumber() {
        return new CustomerNumber(realm);
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
