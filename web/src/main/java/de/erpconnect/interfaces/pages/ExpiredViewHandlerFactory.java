package de.erpconnect.interfaces.pages;

import de.erpconnect.common.Settings;
import de.erpconnect.interfaces.http.ConcurrentChange;
import de.erpconnect.interfaces.http.PageTexts;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.jboss.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * A page whose form can no longer be processed — its view expired with the session, or its script
 * nonce does not match (a form sent twice, a tampered field) — is shown afresh instead of failing:
 * the browser is sent to the same page (for an AJAX request, by a partial-response redirect), where
 * the user sees the current state and can repeat the action. Every other failure goes on to the
 * container's error page ({@code ErrorPages}), which names an incident id and never a stack trace.
 * An action that lost a race to a parallel request (the database's unique rule struck only at
 * commit) is shown afresh too, with a message that the data changed meanwhile: a conflict, not an
 * internal error.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(ExpiredViewHandlerFactory.class);

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            // one failure may be queued several times (PrimeFaces' nonce check fails before the
            // render phase and again in it): all of them are answered by showing the page afresh
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                // only a form's action is repeated by showing its page afresh: a GET would loop
                boolean concurrent =
                        FacesContext.getCurrentInstance().isPostback() && ConcurrentChange.isCause(failure);
                if (concurrent || isStale(failure)) {
                    events.remove();
                    showAfresh(failure, concurrent);
                }
            }
            getWrapped().handle();
        }

        private static boolean isStale(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ViewExpiredException || t instanceof CspException) {
                    return true;
                }
                if (!(t instanceof FacesException) && !(t instanceof jakarta.el.ELException)) {
                    return false;
                }
            }
            return false;
        }

        private static void showAfresh(Throwable failure, boolean concurrent) {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces.getResponseComplete()) {
                return;
            }
            if (concurrent) {
                // the page's messages say why the action did not happen (kept across the redirect)
                String text = PageTexts.of(
                                faces.getViewRoot() == null
                                        ? java.util.Locale.GERMAN
                                        : faces.getViewRoot().getLocale())
                        .get("error.409.text");
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
                faces.getExternalContext().getFlash().setKeepMessages(true);
            }
            HttpServletRequest request =
                    (HttpServletRequest) faces.getExternalContext().getRequest();
            String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
            String page = request.getRequestURI() + (query == null ? "" : "?" + query);
            LOG.debugf(
                    "ERPC0910: %s on %s; the page is shown afresh",
                    failure.getClass().getSimpleName(), request.getRequestURI());
            try {
                faces.getExternalContext()
                        .redirect(CDI.current()
                                .select(Settings.class)
                                .get()
                                .publicUrl()
                                .resolve(page));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }
}
