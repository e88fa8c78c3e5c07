package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.TextValueConverter;
import jakarta.persistence.Converter;

/** Stores a {@link LoginName} as its lower-case text. */
@Converter
public class LoginNameConverter extends TextValueConverter<LoginName> {

    public LoginNameConverter() {
        super(LoginName::value, LoginName::new);
    }
}
