package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.application.amazon.AmazonCloudService;
import de.erpconnect.application.amazon.AmazonViews.CallbackOutcome;
import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.config.AmazonSettings;
import de.erpconnect.interfaces.security.AccessTokenVerifier;
import de.erpconnect.interfaces.security.InvalidTokenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Amazon's redirect after the seller's consent (SP-API website authorization workflow):
 * {@code state}, {@code selling_partner_id}, {@code mws_auth_token}, {@code spapi_oauth_code}. The
 * state must be our signed, unexpired JWT of type {@code amazon-state+jwt} for this callback, naming
 * realm and platform, and it works once. The page shows Amazon's parameters as the JSON the seed
 * describes, with the note that the window can be closed; a refusal is a page that says why.
 */
@ApplicationScoped
@Path("/amazon/callback")
public class AmazonCallbackResource {

    private static final Logger LOG = Logger.getLogger(AmazonCallbackResource.class);

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    AmazonCloudService amazon;

    @Inject
    AmazonSettings amazonSettings;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response callback(
            @QueryParam("state") String state,
            @QueryParam("selling_partner_id") String sellingPartnerId,
            @QueryParam("mws_auth_token") String mwsAuthToken,
            @QueryParam("spapi_oauth_code") String code,
            @QueryParam("error") String error,
            @QueryParam("error_description") String errorDescription) {
        Optional<RealmId> realm = verifier.claimedCloudRealm(state);
        JsonWebToken verified;
        try {
            if (realm.isEmpty()) {
                throw new InvalidTokenException("unknown issuer");
            }
            verified = verifier.verifySigned(
                    realm.get(),
                    state,
                    AmazonCloudService.STATE_TYPE,
                    amazonSettings.redirectUri(),
                    Set.of("sub", "jti", "exp", "iat", "realm"));
            // through a variable: getClaim's generic result would pick String.valueOf(char[])
            Object realmClaim = verified.getClaim("realm");
            if (!realm.get().value().equals(String.valueOf(realmClaim).replace("\"", ""))) {
                throw new InvalidTokenException("realm mismatch");
            }
        } catch (InvalidTokenException | RuntimeException e) {
            LOG.infof(
                    "ERPC0071: Amazon callback refused: the state is unusable (%s)",
                    e instanceof InvalidTokenException
                            ? e.getMessage()
                            : e.getClass().getSimpleName());
            return page(
                    400,
                    "Anmeldung nicht möglich",
                    "Der Rücksprung von Amazon enthält keinen gültigen Anmeldevorgang (state fehlt, ist gefälscht oder"
                            + " abgelaufen). Bitte starten Sie die Anmeldung in büro+ erneut (ANMELDEN bzw. AKTUALISIEREN).",
                    null);
        }
        long platformId;
        try {
            platformId = Long.parseLong(verified.getSubject());
        } catch (NumberFormatException e) {
            return page(400, "Anmeldung nicht möglich", "Der Anmeldevorgang ist ungültig.", null);
        }
        CallbackOutcome outcome = amazon.callback(
                realm.get(), platformId, verified.getTokenID(), sellingPartnerId, code, error, errorDescription);
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
