-- DPoP (RFC 9449 §5): the refresh tokens of a public client are bound to the key of the DPoP
-- proof presented when the chain started — the RFC 7638 thumbprint (SHA-256, base64url, 43
-- characters); every refresh of the chain must prove that key. Null: not bound (confidential
-- clients, which authenticate themselves, and chains started without DPoP).
ALTER TABLE refresh_chain ADD COLUMN dpop_jkt VARCHAR(43);
