-- Access credentials ("Zugangsdaten") take the next free number and may be active only once per
-- kind. Creating or activating one takes the lock of this row first, in its transaction, so that
-- concurrent saves see each other's outcome and a loser hears exactly what a sequential request
-- would (the unique rules of access_credential stay the final guard).
INSERT INTO erp_numbering (name, uses) VALUES ('access_credential', 0);
