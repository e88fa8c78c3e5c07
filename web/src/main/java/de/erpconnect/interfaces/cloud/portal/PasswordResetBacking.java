package de.erpconnect.interfaces.cloud.portal;

import de.erpconnect.application.cloud.CloudCommands;
import de.erpconnect.application.cloud.CloudService;
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
    private final NewPassword newPassword = new NewPassword();

    /** The view action of the reset page: a spent or expired link shows the message, not the form. */
    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            unusable = !cloud.isResetLinkUsable(token);
        }
    }

    public void request() {
        HttpServletRequest http = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        cloud.requestPasswordReset(customerNumber, username, remoteAddresses.of(http));
        requested = true;
    }

    public String reset() {
        try {
            String[] typed = newPassword.take();
            cloud.resetPassword(token, new CloudCommands.ResetPassword(typed[0], typed[1]));
            return "/cloud/login?faces-redirect=true&reset=1";
        } catch (LinkNotUsableException e) {
            unusable = true;
            return null;
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
            return null;
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

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
