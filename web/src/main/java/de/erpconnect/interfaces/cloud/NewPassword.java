package de.erpconnect.interfaces.cloud;

import java.io.Serializable;

/**
 * A new password and its confirmation as a form types them: write-only (the page never shows them
 * again, not even after a refusal) and never serialized with the view.
 */
public final class NewPassword implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient String password;
    private transient String confirmation;

    /** What was typed; the form forgets it at once. */
    String[] take() {
        String[] typed = {password, confirmation};
        password = null;
        confirmation = null;
        return typed;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return null;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
