package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.TextValueConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ClientId} as text. */
@Converter
public class ClientIdConverter extends TextValueConverter<ClientId> {

    public ClientIdConverter() {
        super(ClientId::value, ClientId::new);
    }
}
