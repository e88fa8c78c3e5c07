package de.erpconnect.domain.platform;

import de.erpconnect.domain.shared.ConflictException;

/** A Bezeichnung is used once per installation. */
public class PlatformProfileNameTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public PlatformProfileNameTakenException(String name) {
        super("A platform profile named '" + name + "' already exists.");
    }

    /** The cloud account already has a platform of this Bezeichnung (DESIGN §9). */
    public static class InCloud extends PlatformProfileNameTakenException {

        private static final long serialVersionUID = 1L;

        public InCloud(String name) {
            super(
                    name,
                    "The microtech Cloud account already has a platform named '" + name
                            + "'; choose another Bezeichnung.");
        }
    }

    protected PlatformProfileNameTakenException(String name, String message) {
        super(message);
    }
}
