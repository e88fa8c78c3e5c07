package de.erpconnect.domain.grant;

/** A stored refresh token together with the facts of its grant, read in one query. */
public record RefreshTokenLookup(RefreshTokenRecord token, GrantFacts grant) {}
