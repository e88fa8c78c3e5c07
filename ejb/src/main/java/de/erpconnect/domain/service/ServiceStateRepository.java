package de.erpconnect.domain.service;

import java.util.Optional;

/** Where the automation services' states are kept (the database, so all nodes agree). */
public interface ServiceStateRepository {

    Optional<ServiceState> find(String code);

    /** Stores the new state; false when the service does not exist. */
    boolean save(ServiceState state);
}
