package de.erpconnect.interfaces.http;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' texts (the bundle the Faces pages know as {@code t}) for the pages written outside
 * Faces: error pages and the authorization's messages, in the page's language.
 */
public final class PageTexts {

    private static final String BUNDLE = "de.erpconnect.interfaces.pages.texts";

    private final ResourceBundle bundle;
    private final Locale locale;

    private PageTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                locale,
                PageTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static PageTexts of(Locale locale) {
        return new PageTexts(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }
}
