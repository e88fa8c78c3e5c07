package de.erpconnect.application.token;

import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.grant.GrantFacts;
import de.erpconnect.domain.grant.RefreshChainRepository;
import de.erpconnect.domain.grant.RefreshTokenId;
import de.erpconnect.domain.grant.RefreshTokenLookup;
import de.erpconnect.domain.grant.RefreshTokenSeal;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens as the refresh grant, revocation and introspection read them: a token names its
 * chain and generation under a seal (no token value is stored), and is genuine only for a
 * generation its chain reached.
 */
@ApplicationScoped
public class RefreshTokens {

    @Inject
    RefreshTokenSeal seal;

    @Inject
    RefreshChainRepository chains;

    /** The id a presented refresh token names, if the seal is ours. */
    Optional<RefreshTokenId> open(String refreshToken) {
        return seal.open(refreshToken);
    }

    /** The chain a genuine refresh token names, with its grant's facts (fresh); empty otherwise. */
    Optional<RefreshTokenLookup> lookup(RefreshTokenId id) {
        return chains.findWithGrant(RealmId.ERP, id.chainId())
                .filter(l -> id.generation() <= l.chain().generation());
    }

    Optional<RefreshTokenLookup> lookup(String refreshToken) {
        return open(refreshToken).flatMap(this::lookup);
    }

    String seal(RefreshTokenId id) {
        return seal.seal(id);
    }

    /** When a refresh token issued now expires: after the application's lifetime, at the latest with its grant. */
    static Instant expiry(ClientCredentials client, GrantFacts grant, Instant now) {
        Instant expiry = now.plusSeconds(client.refreshTokenSeconds());
        return expiry.isAfter(grant.expiresAt()) ? grant.expiresAt() : expiry;
    }
}
