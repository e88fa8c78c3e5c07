-- The FAPI 2.0 switch of an application (issue 34): when it was switched on, null while it is off.
-- Under it the application authenticates with private_key_jwt only, pushes its authorization
-- requests (PAR) and gets DPoP-bound access tokens only; tokens issued before the moment stored
-- here are refused (switching on revokes the application's grants as well).
ALTER TABLE client_application ADD COLUMN fapi2_since TIMESTAMP WITH TIME ZONE;
-- the switch needs registered keys (FAPI 2.0 allows no secret)
ALTER TABLE client_application ADD CONSTRAINT ck_client_application_fapi2 CHECK (fapi2_since IS NULL OR jwks IS NOT NULL);
