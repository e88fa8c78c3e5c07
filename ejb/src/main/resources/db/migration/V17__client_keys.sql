-- private_key_jwt client authentication (RFC 7523 §2.2): a confidential application authenticates
-- either with a secret or with the public keys it registered (a JWK Set), never with both.
ALTER TABLE client_application ADD COLUMN jwks VARCHAR(16384);
ALTER TABLE client_application DROP CONSTRAINT ck_client_application_secret;
ALTER TABLE client_application ADD CONSTRAINT ck_client_application_secret CHECK (
    (client_type = 'CONFIDENTIAL' AND secret_hash IS NOT NULL AND jwks IS NULL)
    OR (client_type = 'CONFIDENTIAL' AND secret_hash IS NULL AND previous_secret_hash IS NULL AND jwks IS NOT NULL)
    OR (client_type = 'PUBLIC' AND secret_hash IS NULL AND previous_secret_hash IS NULL AND jwks IS NULL));

-- Each accepted client assertion's jti (as its SHA-256, base64url), until the assertion expires: a
-- second use fails on the primary key, on whichever cluster node it arrives (RFC 7523 §3, item 7).
CREATE TABLE client_assertion_id (
    realm      VARCHAR(32)  NOT NULL,
    client_id  VARCHAR(64)  NOT NULL,
    jti_hash   VARCHAR(43)  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (realm, client_id, jti_hash)
);
CREATE INDEX ix_client_assertion_id_expires ON client_assertion_id (expires_at);
