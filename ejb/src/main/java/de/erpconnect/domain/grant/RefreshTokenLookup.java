package de.erpconnect.domain.grant;

/** A refresh chain together with the facts of its grant, read in one query. */
public record RefreshTokenLookup(RefreshChain chain, GrantFacts grant) {}
