-- Pushed authorization requests (RFC 9126): a client sends its authorization request on the back
-- channel and gets a request_uri to send the user's browser with instead. The table keeps the
-- request under the SHA-256 of the request_uri's random part (the value itself is never stored)
-- until it expires (ERPCONNECT_OAUTH_PAR_SECONDS, default 60 s; held longer while the user logs
-- in, once: held); the authorization endpoint takes it once: one conditional UPDATE of used_at decides between
-- concurrent uses. Expired rows are deleted every ten minutes.
CREATE TABLE pushed_authorization_request (
    request_hash   VARCHAR(43)   PRIMARY KEY,
    realm          VARCHAR(32)   NOT NULL,
    client_id      VARCHAR(64)   NOT NULL,
    redirect_uri   VARCHAR(2000) NOT NULL,
    scope          VARCHAR(500),
    state          VARCHAR(1024),
    code_challenge VARCHAR(128)  NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    held           BOOLEAN       DEFAULT FALSE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_pushed_authorization_request_expiry ON pushed_authorization_request (expires_at);

-- An application may require its authorization requests to come through PAR (RFC 9126 §6).
ALTER TABLE client_application ADD COLUMN require_par BOOLEAN DEFAULT FALSE NOT NULL;
