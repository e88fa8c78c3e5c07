package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.TextValueConverter;
import jakarta.persistence.Converter;

/** Stores an {@link ApplicationKind} as text. */
@Converter
public class ApplicationKindConverter extends TextValueConverter<ApplicationKind> {

    public ApplicationKindConverter() {
        super(ApplicationKind::value, ApplicationKind::new);
    }
}
