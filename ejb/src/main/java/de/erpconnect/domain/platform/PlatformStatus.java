package de.erpconnect.domain.platform;

/** The login status a profile shows: "Nicht authentifiziert", "Anmeldung läuft", "Authentifiziert". */
public enum PlatformStatus {
    NOT_AUTHENTICATED,
    PENDING,
    AUTHENTICATED
}
