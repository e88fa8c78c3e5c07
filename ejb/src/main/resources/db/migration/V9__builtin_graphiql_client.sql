-- The built-in first-party public client of the interactive GraphQL web UI (GraphiQL at
-- /graphiql, DESIGN §7): the page obtains a short-lived token through the authorization-code
-- flow with PKCE like any public client, so /graphql stays bearer-only. It acts for whoever logs
-- in (no fixed Benutzer), its consent is implied (first party), its only redirect URI is the
-- public URL's /graphiql (computed, so none is stored), and admins neither see nor change it.

ALTER TABLE client_application ADD COLUMN built_in BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE client_application ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE client_application ADD CONSTRAINT ck_client_application_user CHECK (
    (built_in = FALSE AND user_id IS NOT NULL)
    OR (built_in = TRUE AND user_id IS NULL AND client_type = 'PUBLIC'));

INSERT INTO client_application (
    realm, name, kind, client_type, client_id, user_id, active, access_token_seconds,
    refresh_token_seconds, grant_lifetime_seconds, created_at, updated_at, version, built_in)
VALUES (
    'erp', 'GraphiQL (ERP Connect)', 'OWN', 'PUBLIC', 'erpconnect-graphiql', NULL, TRUE, 300,
    86400, 2592000, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, TRUE);

INSERT INTO client_scope (application_id, scope)
SELECT id, 'GRAPHQL' FROM client_application WHERE client_id = 'erpconnect-graphiql';
INSERT INTO client_scope (application_id, scope)
SELECT id, 'GRAPHQL_WRITE' FROM client_application WHERE client_id = 'erpconnect-graphiql';
