package de.erpconnect.interfaces.http;

import de.erpconnect.domain.shared.BusinessException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The text of a business failure for its reader: exceptions with a message key (the licence's
 * rejections, for example) are worded in German or English from one bundle, for the REST API and
 * the admin pages alike; all others keep their message.
 */
public final class BusinessMessages {

    private static final String BUNDLE = "de.erpconnect.interfaces.rest.messages";

    private BusinessMessages() {}

    /** The message in English for {@code en}, otherwise in German. */
    public static String text(BusinessException e, Locale locale) {
        if (e.messageKey() == null) {
            return e.getMessage();
        }
        Locale language = locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.GERMAN;
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    BUNDLE,
                    language,
                    BusinessMessages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(e.messageKey()), language).format(e.messageArgs());
        } catch (MissingResourceException missing) {
            return e.getMessage();
        }
    }
}
