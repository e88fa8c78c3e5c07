package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.NotFoundException;

/** A registration or reset link that does not exist, has expired or was used already. */
public class LinkNotUsableException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public LinkNotUsableException(String what) {
        super("The " + what + " link is invalid, has expired or was already used.");
    }
}
