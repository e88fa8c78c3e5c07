package de.erpconnect.domain.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ClientId} as text. */
@Converter
public class ClientIdConverter implements AttributeConverter<ClientId, String> {

    @Override
    public String convertToDatabaseColumn(ClientId id) {
        return id == null ? null : id.value();
    }

    @Override
    public ClientId convertToEntityAttribute(String value) {
        return value == null ? null : new ClientId(value);
    }
}
