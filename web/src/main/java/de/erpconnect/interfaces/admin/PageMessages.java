package de.erpconnect.interfaces.admin;

import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.interfaces.http.BusinessMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** Messages and dates as every admin page shows them: texts from the page bundle, German time. */
public final class PageMessages {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Berlin"));

    private PageMessages() {}

    /** A confirmation from the page bundle ({@code t}), with {@code {0}}… filled from {@code args}. */
    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, key, args);
    }

    /** A warning from the page bundle, e.g. a failed "Testen" (nothing was refused). */
    public static void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, key, args);
    }

    private static void add(FacesMessage.Severity severity, String key, Object... args) {
        String text = text(key, args);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }

    /** A text of the page bundle ({@code t}), with {@code {0}}… filled from {@code args}. */
    public static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle texts = faces.getApplication().getResourceBundle(faces, "t");
        return args.length == 0
                ? texts.getString(key)
                : new MessageFormat(texts.getString(key), faces.getViewRoot().getLocale()).format(args);
    }

    /** A refusal of the services, next to the field it concerns ({@code clientId}) or on top. */
    public static void error(String clientId, BusinessException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        String text = e.messageKey() != null
                ? BusinessMessages.text(e, locale)
                : ServiceWording.wording(e.getMessage(), locale);
        FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
        faces.addMessage(null, message);
        if (clientId != null) {
            faces.addMessage(clientId, message);
        }
        faces.validationFailed();
    }

    /**
     * A refusal with one message per broken rule next to its field (the input of that id anywhere
     * in the form), or on top when it names no field of the form.
     */
    public static void fieldErrors(String formId, BusinessException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (e.fieldErrors().isEmpty()) {
            error(null, e);
            return;
        }
        UIComponent form = faces.getViewRoot().findComponent(":" + formId);
        Locale locale = faces.getViewRoot().getLocale();
        for (FieldError f : e.fieldErrors()) {
            String text = ServiceWording.wording(f.message(), locale);
            faces.addMessage(
                    clientIdOf(faces, form, f.field()), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        faces.validationFailed();
    }

    /** The client id of the input named {@code field} anywhere in the form (also inside tabs), or null. */
    private static String clientIdOf(FacesContext faces, UIComponent form, String field) {
        if (form == null) {
            return null;
        }
        String[] found = new String[1];
        form.visitTree(VisitContext.createVisitContext(faces), (context, target) -> {
            if (field.equals(target.getId())) {
                found[0] = target.getClientId(faces);
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return found[0];
    }

    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
