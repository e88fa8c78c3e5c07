package de.erpconnect.domain.shared;

/**
 * What kind of failure a {@link BusinessException} is. Each protocol maps a category once:
 * REST to an HTTP status, GraphQL to a stable {@code extensions.code}.
 */
public enum ErrorCategory {
    /** The input breaks a rule of the domain; nothing was changed. */
    INVALID,
    /** The addressed record does not exist (in the caller's realm). */
    NOT_FOUND,
    /** The request clashes with the current state (duplicate, still referenced, stale). */
    CONFLICT,
    /** The caller may not do this. */
    FORBIDDEN,
    /** A remote service this depends on (the vendor cloud) cannot be reached; nothing was changed, retry. */
    UNAVAILABLE
}
