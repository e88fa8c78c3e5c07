-- tblUsers (DESIGN §7, read-only): the users of this ERP realm as the GraphQL API serves them,
-- with fldInsertLSN / fldModifyLSN from the global sequence like every ERP row.

ALTER TABLE app_user ADD COLUMN insert_lsn BIGINT;
ALTER TABLE app_user ADD COLUMN modify_lsn BIGINT;
UPDATE app_user SET insert_lsn = nextval('erp_lsn_seq');
UPDATE app_user SET modify_lsn = insert_lsn;
ALTER TABLE app_user ALTER COLUMN insert_lsn SET NOT NULL;
ALTER TABLE app_user ALTER COLUMN modify_lsn SET NOT NULL;

CREATE VIEW erp_user AS
SELECT id, login AS anm_na, display_name AS name, active AS aktiv, graphql_access AS graphql_kz,
       insert_lsn, modify_lsn
FROM app_user
WHERE realm = 'erp';
