package de.erpconnect.domain.user;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link LoginName} as its lower-case text. */
@Converter
public class LoginNameConverter implements AttributeConverter<LoginName, String> {

    @Override
    public String convertToDatabaseColumn(LoginName login) {
        return login == null ? null : login.value();
    }

    @Override
    public LoginName convertToEntityAttribute(String value) {
        return value == null ? null : new LoginName(value);
    }
}
