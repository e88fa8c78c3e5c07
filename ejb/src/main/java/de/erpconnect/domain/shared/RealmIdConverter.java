package de.erpconnect.domain.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RealmId} as its plain text value. */
@Converter(autoApply = true)
public class RealmIdConverter implements AttributeConverter<RealmId, String> {

    @Override
    public String convertToDatabaseColumn(RealmId realm) {
        return realm == null ? null : realm.value();
    }

    @Override
    public RealmId convertToEntityAttribute(String value) {
        return value == null ? null : RealmId.of(value);
    }
}
