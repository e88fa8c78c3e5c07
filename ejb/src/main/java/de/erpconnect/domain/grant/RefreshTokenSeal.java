package de.erpconnect.domain.grant;

import java.util.Optional;

/**
 * Refresh token values: chain id and generation, sealed with a MAC under a server key, so that a
 * token proves itself genuine without any stored copy of its value and an older generation is
 * recognised as a reuse.
 */
public interface RefreshTokenSeal {

    /** The token value for a generation of a chain. */
    String seal(RefreshTokenId id);

    /** What a presented value names, or empty when it is not a genuine token of this server. */
    Optional<RefreshTokenId> open(String token);
}
