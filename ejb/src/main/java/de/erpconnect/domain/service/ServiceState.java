package de.erpconnect.domain.service;

import java.time.Instant;

/** The state of one automation service ("Automatisierungsdienst"), e.g. the GraphQL-Server. */
public record ServiceState(String code, boolean running, boolean interactive, Instant changedAt, String changedBy) {

    public static final String GRAPHQL_SERVER = "GRAPHQL_SERVER";
}
