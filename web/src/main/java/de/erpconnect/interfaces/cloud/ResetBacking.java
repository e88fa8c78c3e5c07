package de.erpconnect.interfaces.cloud;

import de.erpconnect.application.cloud.CloudCommands;
import de.erpconnect.application.cloud.CloudPasswordReset;
import de.erpconnect.domain.cloud.LinkNotUsableException;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.PageMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The new password, set through the link from the "Passwort vergessen?" e-mail; a link that is
 * spent or expired shows a message instead of the form.
 */
@Named("resetPage")
@ViewScoped
public class ResetBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "reset";

    @Inject
    CloudPasswordReset cloud;

    private String token;
    private boolean unusable;
    private final NewPassword newPassword = new NewPassword();

    /** The view action of the reset page: a spent or expired link shows the message, not the form. */
    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            unusable = !cloud.isResetLinkUsable(token);
        }
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
