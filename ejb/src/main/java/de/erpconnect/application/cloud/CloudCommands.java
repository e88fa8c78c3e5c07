package de.erpconnect.application.cloud;

import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.cloud.CompanyName;
import de.erpconnect.domain.cloud.CustomerNumber;
import de.erpconnect.domain.cloud.EmailAddress;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordPolicy;
import jakarta.validation.constraints.Size;

/** The requests of the vendor cloud (DESIGN §9), checked once at the service contract. */
public final class CloudCommands {

    private CloudCommands() {}

    /** The vendor invites a customer: customer number, company, e-mail; validity in days (default 14). */
    public record Invite(
            @Size(max = CustomerNumber.MAX_LENGTH, message = "customerNumber is 1 to 20 digits.")
            String customerNumber,

            @Size(max = CompanyName.MAX_LENGTH, message = "companyName is too long.")
            String companyName,

            @Size(max = EmailAddress.MAX_LENGTH, message = "email is too long.")
            String email,

            Integer validDays) {}

    /** The registration form behind an invitation link. */
    public record Register(
            @Size(max = NAME_MAX, message = "firstName is too long.")
            String firstName,

            @Size(max = NAME_MAX, message = "lastName is too long.")
            String lastName,

            @Size(max = LoginName.MAX_LENGTH, message = "username is too long.")
            String username,

            @Size(max = PasswordPolicy.MAX_BYTES, message = "password is too long.")
            String password,

            @Size(max = PasswordPolicy.MAX_BYTES, message = "passwordConfirmation is too long.")
            String passwordConfirmation) {

        @Override
        public String toString() {
            return "Register[" + username + "]";
        }
    }

    /** A new password behind a reset link. */
    public record ResetPassword(String password, String passwordConfirmation) {

        @Override
        public String toString() {
            return "ResetPassword";
        }
    }

    /** "Anwendung hinzufügen": only the name. */
    public record AddApplication(
            @Size(max = ClientApplication.NAME_MAX, message = "name is too long.")
            String name) {}

    public static final int NAME_MAX = 100;
}
