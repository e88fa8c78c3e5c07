package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.grant.AuthorizationService;
import de.erpconnect.domain.shared.ConcurrentChangeException;
import de.erpconnect.domain.token.AuthorizationAnsweredException;
import de.erpconnect.domain.token.AuthorizationPageException;
import de.erpconnect.domain.token.AuthorizationPageException.Reason;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.http.FormParameters;
import de.erpconnect.interfaces.http.PageLanguage;
import de.erpconnect.interfaces.http.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The user's answer on the consent page (RFC 6749 §4.1.2): "Zulassen" issues the code and sends
 * the browser back to the application, "Ablehnen" sends {@code access_denied}. A plain form post,
 * not a Faces postback, so that nothing of the page's view (its state, its script nonce) can stand
 * between the user and the application. The request id in the form is the consent's protection
 * against cross-site posts: it is random, bound to the user's session and used once.
 *
 * <p>The answer holds up in a real browser: a second "Zulassen" (double click, the form sent
 * again) is sent where the first went, with the same code, and never yields a second one (the
 * database keeps one code per request); a request that is unknown, answered long ago, too old or
 * whose session ended shows a page that says so. The path is not behind the FORM login (a post
 * cannot be repeated after a login); the user comes from the session or not at all.
 */
@ApplicationScoped
@Path("/consent")
public class ConsentEndpoint {

    static final int MAX_BODY_BYTES = 4 * 1024;
    static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    static final int MAX_ATTEMPTS = 3;

    @Inject
    AuthorizationService authorization;

    @Inject
    AuthorizationRedirects redirects;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@Context HttpServletRequest request, InputStream body) {
        FormParameters form = FormParameters.parse(RequestBodies.readLimited(body, MAX_BODY_BYTES));
        String id = form.get("request");
        String decision = form.get("decision");
        if (!"allow".equals(decision) && !"deny".equals(decision)) {
            throw new AuthorizationPageException(
                    "invalid_request", Reason.EXPIRED, "The consent form is incomplete: no decision.");
        }
        HttpSession session = request.getSession(false);
        Optional<String> earlier = redirects.answer(session, id);
        if (earlier.isPresent()) {
            return ClientRedirect.to(earlier.get(), PageLanguage.of(request));
        }
        if (request.getUserPrincipal() == null) {
            throw expired();
        }
        PendingAuthorization p = redirects.peek(session, id).orElseThrow(ConsentEndpoint::expired);
        String location;
        if (decision.equals("deny")) {
            location = redirects.error(p.redirectUri(), "access_denied", "The user denied access.", p.state());
        } else {
            try {
                String code = approve(p, form.has("remember"));
                location = redirects.success(p.redirectUri(), code, p.state());
            } catch (AuthorizationAnsweredException e) {
                // the other click got the code: go where it went, as soon as its answer is known
                return ClientRedirect.to(
                        awaitAnswer(session, id).orElseThrow(ConsentEndpoint::answered), PageLanguage.of(request));
            } catch (OAuthException e) {
                location = redirects.error(p.redirectUri(), e.error().code(), e.getMessage(), p.state());
            }
        }
        redirects.answered(session, id, location);
        return ClientRedirect.to(location, PageLanguage.of(request));
    }

    /**
     * Issues the request's code. When the other answer of the same request is being written at this
     * moment (H2 refuses at once where PostgreSQL waits for it), asks again a moment later: then
     * the database says whether the other one got the code ({@link AuthorizationAnsweredException})
     * or failed, so this one gets it.
     */
    private String approve(PendingAuthorization p, boolean remember) {
        for (int attempt = 1; ; attempt++) {
            try {
                return authorization.approve(
                        p.clientId(),
                        p.redirectUri(),
                        p.scope(),
                        p.codeChallenge(),
                        p.codeChallengeMethod(),
                        p.pushed(),
                        remember,
                        p.id());
            } catch (ConcurrentChangeException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw answered();
                }
                pause(ThreadLocalRandom.current().nextInt(20, 80));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The answer of the request that won: it is recorded in the session a moment after its
     * transaction committed. Waits at most {@link #ANSWER_WAIT} for it (only a request that lost
     * the race waits).
     */
    private Optional<String> awaitAnswer(HttpSession session, String id) {
        long until = System.nanoTime() + ANSWER_WAIT.toNanos();
        Optional<String> answer = redirects.answer(session, id);
        while (answer.isEmpty()
                && System.nanoTime() < until
                && !Thread.currentThread().isInterrupted()) {
            pause(20);
            answer = redirects.answer(session, id);
        }
        return answer;
    }

    private static AuthorizationPageException expired() {
        return new AuthorizationPageException(
                "invalid_request", Reason.EXPIRED, "The authorization request is unknown, answered or expired.");
    }

    private static AuthorizationPageException answered() {
        return new AuthorizationPageException(
                "invalid_request", Reason.ANSWERED, "The authorization request was already answered.");
    }
}
