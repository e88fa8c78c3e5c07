package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.application.amazon.AmazonCallback;
import de.erpconnect.application.amazon.AmazonViews.CallbackOutcome;
import de.erpconnect.common.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Amazon's redirect after the seller's consent (SP-API website authorization workflow):
 * {@code state}, {@code selling_partner_id}, {@code mws_auth_token}, {@code spapi_oauth_code}; the
 * application layer checks the state ({@code AmazonConsent}) and does the rest. The page shows
 * Amazon's parameters as the JSON the seed describes, with the note that the window can be closed;
 * a refusal is a page that says why.
 */
@ApplicationScoped
@Path("/amazon/callback")
public class AmazonCallbackResource {

    @Inject
    AmazonCallback amazon;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response callback(
            @QueryParam("state") String state,
            @QueryParam("selling_partner_id") String sellingPartnerId,
            @QueryParam("mws_auth_token") String mwsAuthToken,
            @QueryParam("spapi_oauth_code") String code,
            @QueryParam("error") String error,
            @QueryParam("error_description") String errorDescription) {
        CallbackOutcome outcome = amazon.callback(state, sellingPartnerId, code, error, errorDescription);
        if (outcome.result() == CallbackOutcome.Result.INVALID) {
            return page(400, "Anmeldung nicht möglich", outcome.message(), null);
        }
        if (!outcome.ok()) {
            return page(400, "Anmeldung fehlgeschlagen", outcome.message(), null);
        }
        String json = Jsonp.JSON
                .createObjectBuilder()
                .add(
                        "result",
                        Jsonp.JSON
                                .createObjectBuilder()
                                .add(
                                        "result",
                                        Jsonp.JSON
                                                .createObjectBuilder()
                                                .add("mws_auth_token", mwsAuthToken == null ? "" : mwsAuthToken)
                                                .add("spapi_oauth_code", code)
                                                .add("state", state)))
                .build()
                .toString();
        return page(
                200,
                "Anmeldung abgeschlossen",
                "Dieses Browserfenster können Sie schließen, die Prozesse zur Authentifizierung werden direkt über"
                        + " büro+ verarbeitet. " + outcome.message(),
                json);
    }

    private static Response page(int status, String title, String message, String json) {
        String html = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"UTF-8\"><title>" + escape(title)
                + " – microtech Cloud</title></head><body>"
                + (json == null ? "" : "<pre id=\"result\">" + escape(json) + "</pre>")
                + "<h1>" + escape(title) + "</h1><p id=\"message\">" + escape(message) + "</p></body></html>";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
