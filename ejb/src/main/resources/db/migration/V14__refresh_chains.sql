-- Refresh tokens as chains (DESIGN §6, issue 5): one row per authorization-code exchange instead
-- of one row per rotation. A refresh token names its chain and its generation and carries an
-- HMAC-SHA-256 of both under a key derived from the credential store's pepper, so nothing about a
-- token's value is stored. Rotation is one conditional UPDATE of the chain's row
-- (generation = generation + 1 WHERE generation = the presented one): exactly one of concurrent
-- callers advances it. A token of an older generation is a reuse and revokes the grant.
-- Refresh tokens issued before this migration stop working (pre-release; the clients log in again).

DROP TABLE refresh_token;

CREATE SEQUENCE refresh_chain_id_seq;

CREATE TABLE refresh_chain (
    id          BIGINT       PRIMARY KEY,
    grant_id    BIGINT       NOT NULL REFERENCES oauth_grant (id) ON DELETE CASCADE,
    generation  BIGINT       NOT NULL CHECK (generation >= 1),
    scopes      VARCHAR(200) NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_refresh_chain_grant ON refresh_chain (grant_id);
