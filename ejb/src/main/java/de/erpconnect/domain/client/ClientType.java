package de.erpconnect.domain.client;

/** RFC 6749 §2.1 client types ("vertraulich" / "öffentlich"). */
public enum ClientType {
    CONFIDENTIAL,
    PUBLIC
}
