-- One code per authorization request (the consent page's pending request): a second "Zulassen" of
-- the same request (a double click, a form sent again) never yields a second code, also when both
-- arrive at the same moment or on two cluster nodes. NULL for codes issued without a consent page
-- (remembered consent), of which each authorization request gets its own.
ALTER TABLE authorization_code ADD COLUMN authorization_request VARCHAR(43);
CREATE UNIQUE INDEX authorization_code_request ON authorization_code (authorization_request);
