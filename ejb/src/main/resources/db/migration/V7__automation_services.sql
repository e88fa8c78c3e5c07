-- The automation services ("Automatisierungsdienste", DESIGN §7): the GraphQL-Server can be
-- stopped (then /graphql answers 503) and started; its flag "Interaktive Web-Oberfläche
-- aktivieren" serves GraphiQL (Enterprise only). One row per service.

CREATE TABLE automation_service (
    code         VARCHAR(40)               NOT NULL PRIMARY KEY,
    running      BOOLEAN                   NOT NULL,
    interactive  BOOLEAN                   NOT NULL DEFAULT FALSE,
    changed_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    changed_by   VARCHAR(100)
);

INSERT INTO automation_service (code, running, interactive, changed_at)
VALUES ('GRAPHQL_SERVER', TRUE, FALSE, CURRENT_TIMESTAMP);
