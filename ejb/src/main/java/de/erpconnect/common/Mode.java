package de.erpconnect.common;

/** {@code ERPCONNECT_MODE}: {@code prod} unless the README's run command sets {@code dev}. */
public enum Mode {
    DEV,
    PROD
}
