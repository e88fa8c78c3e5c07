package de.erpconnect.interfaces.rest.licence;

/** {@code {"key":"…"}}: an activation key as typed or pasted (dashes and spaces allowed). */
public record ActivationCommand(String key) {

    @Override
    public String toString() {
        return "ActivationCommand[***]";
    }
}
