-- The ERP's number ranges ("Nummernkreise"): a new row that the server numbers (the next free
-- Adressnummer, Artikelnummer, Belegnummer, Zeilennummer …) takes this row's lock first, in the
-- transaction of the mutation, so concurrent saves never compute the same number; the unique keys
-- of the tables stay the final guard.
CREATE TABLE erp_numbering (
    name VARCHAR(32) PRIMARY KEY,
    uses BIGINT      NOT NULL
);
INSERT INTO erp_numbering (name, uses) VALUES ('erp', 0);
