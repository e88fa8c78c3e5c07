package de.erpconnect.interfaces.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import org.glassfish.soteria.mechanisms.HttpMessageContextImpl;
import org.glassfish.soteria.mechanisms.jaspic.Jaspic;

/**
 * The Jakarta Authentication module between the servlet container and our
 * {@link HttpAuthenticationMechanism}: the same bridge as the one Jakarta Security installs
 * (Soteria's {@code HttpBridgeServerAuthModule}: the same message context, the same statuses, the
 * same last-status attribute for {@code SecurityContext.authenticate}), but with the mechanism
 * resolved once when the application starts. Soteria's bridge resolves it through JNDI and the
 * bean manager twice on every request (in {@code validateRequest} and {@code secureResponse}) —
 * a fifth of a request thread's samples in a profile of the introspection endpoint, which the
 * mechanism leaves to the application anyway; without it, introspections/s almost doubled. The
 * mechanism is an application-scoped bean, so the reference held here is its client proxy and
 * stays valid for the application's lifetime.
 */
public final class MechanismAuthModule implements ServerAuthModule {

    private static final Class<?>[] SUPPORTED_TYPES = {HttpServletRequest.class, HttpServletResponse.class};

    private final HttpAuthenticationMechanism mechanism;
    private volatile CallbackHandler handler;

    public MechanismAuthModule(HttpAuthenticationMechanism mechanism) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
    }

    @Override
    public void initialize(
            MessagePolicy requestPolicy,
            MessagePolicy responsePolicy,
            CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return SUPPORTED_TYPES.clone();
    }

    @Override
    public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject)
            throws AuthException {
        HttpMessageContextImpl context = new HttpMessageContextImpl(handler, messageInfo, clientSubject);
        HttpServletRequest request = context.getRequest();
        Jaspic.setLastAuthenticationStatus(request, AuthenticationStatus.NOT_DONE);
        AuthenticationStatus status;
        try {
            status = mechanism.validateRequest(request, context.getResponse(), context);
        } catch (AuthenticationException e) {
            Jaspic.setLastAuthenticationStatus(request, AuthenticationStatus.SEND_FAILURE);
            throw failure("Authentication failure in HttpAuthenticationMechanism", e);
        }
        Jaspic.setLastAuthenticationStatus(request, status);
        return Jaspic.fromAuthenticationStatus(status);
    }

    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) throws AuthException {
        HttpMessageContextImpl context = new HttpMessageContextImpl(handler, messageInfo, null);
        AuthStatus status;
        try {
            status = Jaspic.fromAuthenticationStatus(
                    mechanism.secureResponse(context.getRequest(), context.getResponse(), context));
        } catch (AuthenticationException e) {
            throw failure("Secure response failure in HttpAuthenticationMechanism", e);
        }
        // Jakarta Authentication answers a secured response with SEND_SUCCESS, not SUCCESS
        return status == AuthStatus.SUCCESS ? AuthStatus.SEND_SUCCESS : status;
    }

    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        HttpMessageContextImpl context = new HttpMessageContextImpl(handler, messageInfo, subject);
        mechanism.cleanSubject(context.getRequest(), context.getResponse(), context);
    }

    private static AuthException failure(String message, AuthenticationException cause) {
        AuthException failure = new AuthException(message);
        failure.initCause(cause);
        return failure;
    }
}
