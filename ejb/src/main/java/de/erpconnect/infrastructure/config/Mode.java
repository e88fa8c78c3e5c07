package de.erpconnect.infrastructure.config;

/** {@code ERPCONNECT_MODE}: {@code prod} unless the README's run command sets {@code dev}. */
public enum Mode {
    DEV,
    PROD
}
