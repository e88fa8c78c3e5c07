package de.erpconnect.domain.grant;

import java.time.Instant;

/**
 * A refresh chain together with the facts of its grant and when the grant's use was last noted,
 * read in one query.
 */
public record RefreshTokenLookup(RefreshChain chain, GrantFacts grant, Instant grantLastUsedAt) {

    /** Whether a use now should be noted on the grant (at most once a minute). */
    public boolean grantUseToNote(Instant now) {
        return grantLastUsedAt.isBefore(now.minusSeconds(60));
    }
}
