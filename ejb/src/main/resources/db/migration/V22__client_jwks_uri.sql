-- private_key_jwt with keys the partner app publishes itself (RFC 7591 jwks_uri): the server fetches
-- the JWK Set over https and keeps the set fetched at registration in jwks, as the last known keys.
ALTER TABLE client_application ADD COLUMN jwks_uri VARCHAR(2000);
ALTER TABLE client_application ADD CONSTRAINT ck_client_application_jwks_uri CHECK (jwks_uri IS NULL OR jwks IS NOT NULL);
