-- The ERP's number ranges ("Nummernkreise"). Every new row takes the lock of the row 'erp' first,
-- in the transaction of the mutation, so concurrent saves never compute the same next number (the
-- unique keys of the tables stay the final guard). The row '<table>.<column>' of a range remembers
-- the last number the server issued, so the next one costs no scan of the table.
CREATE TABLE erp_numbering (
    name        VARCHAR(64) PRIMARY KEY,
    uses        BIGINT      NOT NULL,
    last_number VARCHAR(64)
);
INSERT INTO erp_numbering (name, uses) VALUES ('erp', 0);
