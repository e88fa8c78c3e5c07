package de.erpconnect.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import org.glassfish.soteria.mechanisms.jaspic.Jaspic;
import org.junit.jupiter.api.Test;

/**
 * The authentication module hands every request to the one mechanism it was given, with the
 * request, response and client subject of the container's message, and answers the container with
 * the statuses Jakarta Security's own bridge gives (the last status kept on the request for
 * {@code SecurityContext.authenticate}).
 */
class MechanismAuthModuleTest {

    final Map<String, Object> attributes = new HashMap<>();

    final HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
                switch (method.getName()) {
                    case "getAttribute":
                        return attributes.get((String) args[0]);
                    case "setAttribute":
                        attributes.put((String) args[0], args[1]);
                        return null;
                    default:
                        throw new AssertionError(
                                "the module reads only the request's attributes, not " + method.getName());
                }
            });

    final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                throw new AssertionError("the module leaves the response to the mechanism, but called " + m.getName());
            });

    final MessageInfo message = new MessageInfo() {
        private final Map<Object, Object> map = new HashMap<>();

        @Override
        public Object getRequestMessage() {
            return request;
        }

        @Override
        public Object getResponseMessage() {
            return response;
        }

        @Override
        public void setRequestMessage(Object request) {
            throw new AssertionError("the module does not replace the request");
        }

        @Override
        public void setResponseMessage(Object response) {
            throw new AssertionError("the module does not replace the response");
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Map getMap() {
            return map;
        }
    };

    /** What the mechanism saw and what it answers. */
    final List<String> calls = new ArrayList<>();

    AuthenticationStatus answer = AuthenticationStatus.SUCCESS;
    AuthenticationException failure;
    HttpMessageContext seen;

    final HttpAuthenticationMechanism mechanism = new HttpAuthenticationMechanism() {
        @Override
        public AuthenticationStatus validateRequest(
                HttpServletRequest req, HttpServletResponse res, HttpMessageContext context)
                throws AuthenticationException {
            return record("validate", req, res, context);
        }

        @Override
        public AuthenticationStatus secureResponse(
                HttpServletRequest req, HttpServletResponse res, HttpMessageContext context)
                throws AuthenticationException {
            return record("secure", req, res, context);
        }

        @Override
        public void cleanSubject(HttpServletRequest req, HttpServletResponse res, HttpMessageContext context) {
            calls.add("clean");
            seen = context;
        }

        private AuthenticationStatus record(
                String call, HttpServletRequest req, HttpServletResponse res, HttpMessageContext context)
                throws AuthenticationException {
            assertSame(request, req);
            assertSame(response, res);
            if (call.equals("validate")) {
                // while the mechanism runs, the request says it is not done yet
                assertEquals(AuthenticationStatus.NOT_DONE, lastStatus());
            }
            calls.add(call);
            seen = context;
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    };

    final MechanismAuthModule module = new MechanismAuthModule(mechanism);

    AuthenticationStatus lastStatus() {
        return Jaspic.getLastAuthenticationStatus(request);
    }

    @Test
    void eachStatusOfTheMechanismReachesTheContainerAsJakartaSecuritysBridgeGivesIt() throws AuthException {
        Subject client = new Subject();
        Map<AuthenticationStatus, AuthStatus> expected = Map.of(
                AuthenticationStatus.SUCCESS, AuthStatus.SUCCESS,
                AuthenticationStatus.NOT_DONE, AuthStatus.SUCCESS,
                AuthenticationStatus.SEND_CONTINUE, AuthStatus.SEND_CONTINUE,
                AuthenticationStatus.SEND_FAILURE, AuthStatus.SEND_FAILURE);
        for (Map.Entry<AuthenticationStatus, AuthStatus> e : expected.entrySet()) {
            answer = e.getKey();
            assertEquals(
                    e.getValue(),
                    module.validateRequest(message, client, null),
                    e.getKey().name());
            assertEquals(e.getKey(), lastStatus(), "the request keeps the mechanism's last status");
            assertSame(client, seen.getClientSubject());
            assertSame(message, seen.getMessageInfo());
        }
        assertEquals(List.of("validate", "validate", "validate", "validate"), calls);
    }

    @Test
    void aFailingMechanismIsAnAuthExceptionAndTheRequestRemembersTheFailure() {
        failure = new AuthenticationException("the identity store is down");
        AuthException thrown =
                assertThrows(AuthException.class, () -> module.validateRequest(message, new Subject(), null));
        assertSame(failure, thrown.getCause());
        assertEquals(AuthenticationStatus.SEND_FAILURE, lastStatus());
    }

    @Test
    void aSecuredResponseIsSendSuccessAndOtherAnswersPassUnchanged() throws AuthException {
        assertEquals(AuthStatus.SEND_SUCCESS, module.secureResponse(message, null));
        answer = AuthenticationStatus.SEND_FAILURE;
        assertEquals(AuthStatus.SEND_FAILURE, module.secureResponse(message, null));
        failure = new AuthenticationException("cannot sign the response");
        AuthException thrown = assertThrows(AuthException.class, () -> module.secureResponse(message, null));
        assertSame(failure, thrown.getCause());
        assertEquals(List.of("secure", "secure", "secure"), calls);
    }

    @Test
    void cleaningTheSubjectIsTheMechanismsWithTheSubjectToClean() {
        Subject subject = new Subject();
        module.cleanSubject(message, subject);
        assertEquals(List.of("clean"), calls);
        assertSame(subject, seen.getClientSubject());
    }
}
