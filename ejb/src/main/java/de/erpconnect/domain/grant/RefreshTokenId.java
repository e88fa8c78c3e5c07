package de.erpconnect.domain.grant;

/** What a genuine refresh token names: its chain and its generation within the chain. */
public record RefreshTokenId(long chainId, long generation) {}
