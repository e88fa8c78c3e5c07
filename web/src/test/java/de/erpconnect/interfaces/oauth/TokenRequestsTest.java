package de.erpconnect.interfaces.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import jakarta.ws.rs.container.AsyncResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint answers a refresh grant once its rotation is committed: the suspended
 * response is resumed with the answer, or with the failure itself, so that the exception mapping
 * gives the RFC 6749 error it would give for a failure thrown at once.
 */
class TokenRequestsTest {

    /** The arguments {@code resume} was called with. */
    final List<Object> resumed = new ArrayList<>();

    final AsyncResponse response = (AsyncResponse) Proxy.newProxyInstance(
            AsyncResponse.class.getClassLoader(), new Class<?>[] {AsyncResponse.class}, (proxy, method, args) -> {
                if (!method.getName().equals("resume")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                resumed.add(args[0]);
                return true;
            });

    @Test
    void aLaterAnswerResumesTheResponseWhenItIsThere() {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        TokenRequests.resumeWhenDone(answer, response);
        assertTrue(resumed.isEmpty(), "nothing is answered before the rotation is committed");
        Object ok = new Object(); // stands for the token response
        answer.complete(ok);
        assertEquals(List.of(ok), resumed);
    }

    @Test
    void aFailureInALaterStageReachesTheMappingUnwrapped() {
        CompletableFuture<Boolean> committed = new CompletableFuture<>();
        OAuthException refused = new OAuthException(
                OAuthError.INVALID_GRANT, "The refresh token was already used; the grant is revoked.");
        TokenRequests.resumeWhenDone(
                committed.thenApply(advanced -> {
                    throw refused;
                }),
                response);
        committed.complete(false);
        assertEquals(1, resumed.size());
        assertSame(refused, resumed.get(0), "the OAuth error itself, not the CompletionException around it");
    }

    @Test
    void aFailedCommitReachesTheMappingAsItsOwnException() {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        IllegalStateException failed = new IllegalStateException("Rotating a refresh token failed");
        TokenRequests.resumeWhenDone(answer, response);
        answer.completeExceptionally(failed);
        assertEquals(List.of(failed), resumed);
    }
}
