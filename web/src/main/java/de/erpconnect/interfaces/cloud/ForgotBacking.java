package de.erpconnect.interfaces.cloud;

import de.erpconnect.application.cloud.CloudPasswordReset;
import de.erpconnect.interfaces.security.RemoteAddresses;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * "Passwort vergessen?": asking for a reset link by customer number and user name. The answer never
 * tells whether the account exists.
 */
@Named("forgotPage")
@ViewScoped
public class ForgotBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CloudPasswordReset cloud;

    @Inject
    RemoteAddresses remoteAddresses;

    private String customerNumber;
    private String username;
    private boolean requested;

    public void request() {
        HttpServletRequest http = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        cloud.requestPasswordReset(customerNumber, username, remoteAddresses.of(http));
        requested = true;
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
}
