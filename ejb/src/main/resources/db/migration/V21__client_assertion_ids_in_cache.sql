-- Client assertion ids are kept in the server's Infinispan cache (like DPoP proof ids): a token
-- request with private_key_jwt no longer writes a row (issue 34, benchmark goal).
DROP TABLE client_assertion_id;
