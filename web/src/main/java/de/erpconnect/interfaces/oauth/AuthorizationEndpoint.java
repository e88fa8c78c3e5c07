package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.grant.AuthorizationService;
import de.erpconnect.application.grant.PushedAuthorizations;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.grant.PushedRequest;
import de.erpconnect.domain.token.AuthorizationPageException;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.http.PageLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The authorization endpoint, RFC 6749 §4.1.1 with PKCE (RFC 7636) for every client. The user is
 * already logged in through the FORM login (the path is protected). Errors about the client or the
 * redirect URI are shown on our page and never redirected (RFC 9700 §4.11); every other error goes
 * back to the client's registered redirect URI with {@code state} and {@code iss}. A request may
 * instead name a pushed request ({@code request_uri}, RFC 9126), whose parameters alone count; an
 * application that requires that has every other request refused.
 */
@ApplicationScoped
@Path("/authorize")
public class AuthorizationEndpoint {

    static final List<String> SINGLE = List.of(
            "client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method");

    @Inject
    AuthorizationService authorization;

    @Inject
    AuthorizationRedirects redirects;

    @Inject
    Settings settings;

    @Inject
    PushedAuthorizations pushed;

    @GET
    public Response authorize(@Context UriInfo uri, @Context HttpServletRequest request) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        Locale language = PageLanguage.of(request);
        String clientId = params.getFirst("client_id");
        if (repeated(params, "client_id") || repeated(params, "redirect_uri") || repeated(params, "request_uri")) {
            throw new AuthorizationPageException(
                    "invalid_request",
                    AuthorizationPageException.Reason.REPEATED_PARAMETER,
                    "client_id, redirect_uri and request_uri may appear only once.");
        }
        String requestUri = params.getFirst("request_uri");
        if (requestUri != null) {
            // RFC 9126 §4: the pushed request's parameters only, taken once
            PushedRequest p = pushed.take(clientId, requestUri);
            return authorize(
                    request,
                    language,
                    clientId,
                    p.redirectUri(),
                    p.scope(),
                    p.state(),
                    p.codeChallenge(),
                    "S256",
                    true);
        }
        String redirectUri = params.getFirst("redirect_uri");
        authorization.checkClientAndRedirect(clientId, redirectUri);
        String state = params.getFirst("state");
        for (String name : SINGLE) {
            if (repeated(params, name)) {
                return ClientRedirect.to(
                        redirects.error(
                                redirectUri, "invalid_request", "The parameter " + name + " is repeated.", state),
                        language);
            }
        }
        if (!"code".equals(params.getFirst("response_type"))) {
            return ClientRedirect.to(
                    redirects.error(
                            redirectUri, "unsupported_response_type", "Only response_type=code is supported.", state),
                    language);
        }
        return authorize(
                request,
                language,
                clientId,
                redirectUri,
                params.getFirst("scope"),
                state,
                params.getFirst("code_challenge"),
                params.getFirst("code_challenge_method"),
                false);
    }

    /** A request whose client and redirect URI are checked: the user's part, then back to the client. */
    private Response authorize(
            HttpServletRequest request,
            Locale language,
            String clientId,
            String redirectUri,
            String scope,
            String state,
            String challenge,
            String method,
            boolean pushedRequest) {
        try {
            AuthorizationService.Consent consent =
                    authorization.prepare(clientId, redirectUri, scope, challenge, method, pushedRequest);
            if (!consent.needed()) {
                String code = authorization.approve(
                        clientId, redirectUri, scope, challenge, method, pushedRequest, true, null);
                return ClientRedirect.to(redirects.success(redirectUri, code, state), language);
            }
            String id = redirects.keep(
                    request.getSession(true),
                    pendingId -> new PendingAuthorization(
                            pendingId,
                            clientId,
                            redirectUri,
                            scope,
                            challenge,
                            method,
                            state,
                            pushedRequest,
                            consent.applicationName(),
                            consent.partnerAppName(),
                            consent.scopes(),
                            Instant.now()));
            return Response.seeOther(URI.create(settings.publicUrl().resolve("/auth/consent.xhtml?request=" + id)))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (OAuthException e) {
            return ClientRedirect.to(redirects.error(redirectUri, e.error().code(), e.getMessage(), state), language);
        }
    }

    private static boolean repeated(MultivaluedMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values != null && values.size() > 1;
    }
}
