package de.erpconnect.interfaces.cloud.portal;

import de.erpconnect.application.CloudCommands;
import de.erpconnect.application.CloudService;
import de.erpconnect.domain.cloud.LinkNotUsableException;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.PageMessages;
import de.erpconnect.interfaces.security.RemoteAddresses;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * "Passwort vergessen?": asking for a reset link (the answer never tells whether the account
 * exists), and setting the new password through the link from the e-mail.
 */
@Named("passwordResetPage")
@ViewScoped
public class PasswordResetBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "reset";

    @Inject
    CloudService cloud;

    @Inject
    RemoteAddresses remoteAddresses;

    private String customerNumber;
    private String username;
    private boolean requested;
    private String token;
    private boolean unusable;
    private transient String password;
    private transient String passwordConfirmation;

    public void request() {
        HttpServletRequest http = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        cloud.requestPasswordReset(customerNumber, username, remoteAddresses.of(http));
        requested = true;
    }

    public String reset() {
        try {
            cloud.resetPassword(token, new CloudCommands.ResetPassword(password, passwordConfirmation));
            return "/cloud/login?faces-redirect=true&reset=1";
        } catch (LinkNotUsableException e) {
            unusable = true;
            return null;
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
            return null;
        } finally {
            password = null;
            passwordConfirmation = null;
        }
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public void setCustomerNumber(String customerNumber) {
        this.customerNumber = customerNumber;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public boolean isRequested() {
        return requested;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isUnusable() {
        return unusable;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return null;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }
}
