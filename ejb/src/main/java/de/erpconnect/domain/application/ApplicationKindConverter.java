package de.erpconnect.domain.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link ApplicationKind} as text. */
@Converter
public class ApplicationKindConverter implements AttributeConverter<ApplicationKind, String> {

    @Override
    public String convertToDatabaseColumn(ApplicationKind kind) {
        return kind == null ? null : kind.value();
    }

    @Override
    public ApplicationKind convertToEntityAttribute(String value) {
        return value == null ? null : new ApplicationKind(value);
    }
}
