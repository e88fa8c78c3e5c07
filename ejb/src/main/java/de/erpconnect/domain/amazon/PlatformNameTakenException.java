package de.erpconnect.domain.amazon;

import de.erpconnect.domain.shared.ConflictException;

/** A Bezeichnung is unique within a cloud account (and within an installation). */
public class PlatformNameTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public PlatformNameTakenException(String name) {
        super("A platform named '" + name + "' already exists in this cloud account; choose another Bezeichnung.");
    }
}
