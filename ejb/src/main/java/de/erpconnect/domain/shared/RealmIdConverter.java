package de.erpconnect.domain.shared;

import jakarta.persistence.Converter;

/** Stores a {@link RealmId} as its plain text value. */
@Converter(autoApply = true)
public class RealmIdConverter extends TextValueConverter<RealmId> {

    public RealmIdConverter() {
        super(RealmId::value, RealmId::of);
    }
}
