package de.erpconnect.interfaces.cloud;

import de.erpconnect.application.cloud.CloudCommands;
import de.erpconnect.application.cloud.CloudRegistration;
import de.erpconnect.application.cloud.CloudViews.RealmView;
import de.erpconnect.application.cloud.CloudViews.RegistrationForm;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * "Registrierung": the form behind a vendor's invitation link. Realm name (customer number),
 * company and e-mail come from the invitation and are read-only; the customer chooses the first
 * user. Every broken password rule gets its own message next to the field.
 */
@Named("registerPage")
@ViewScoped
public class RegisterBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "registration";

    @Inject
    CloudRegistration cloud;

    private String token;
    private RegistrationForm invitation;
    private boolean unusable;
    private String firstName;
    private String lastName;
    private String username;
    private final NewPassword newPassword = new NewPassword();

    /** The view action: the invitation behind the link, or the message that the link is not usable. */
    public void load() {
        if (invitation != null || unusable) {
            return;
        }
        try {
            invitation = cloud.registrationForm(token);
        } catch (BusinessException e) {
            unusable = true;
        }
    }

    public String register() {
        try {
            String[] typed = newPassword.take();
            RealmView realm = cloud.register(
                    token, new CloudCommands.Register(firstName, lastName, username, typed[0], typed[1]));
            return "/cloud/login?faces-redirect=true&registered=1&customer=" + realm.customerNumber();
        } catch (de.erpconnect.domain.cloud.LinkNotUsableException e) {
            unusable = true;
            invitation = null;
            return null;
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
            return null;
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public RegistrationForm getInvitation() {
        return invitation;
    }

    public boolean isUnusable() {
        return unusable;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
