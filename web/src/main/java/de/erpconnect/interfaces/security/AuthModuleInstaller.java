package de.erpconnect.interfaces.security;

import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.jboss.logging.Logger;

/**
 * Registers {@link MechanismAuthModule} for this web application in place of Jakarta Security's
 * own bridge module. Jakarta Security registers its bridge from a servlet container initializer;
 * listeners start after every initializer, and a registration for the same application context
 * replaces the earlier one (Jakarta Authentication's {@code AuthConfigFactory}), so ours is the
 * one the container asks on every request. The mechanism injected here is the bean Jakarta
 * Security would resolve: our {@link MultiAuthMechanism}, the enabled alternative with the
 * highest priority.
 */
@WebListener
public class AuthModuleInstaller implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(AuthModuleInstaller.class);

    @Inject
    MultiAuthMechanism mechanism;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String registration = AuthConfigFactory.getFactory()
                .registerServerAuthModule(new MechanismAuthModule(mechanism), event.getServletContext());
        LOG.debugf(
                "Authentication module registered for %s as %s",
                event.getServletContext().getContextPath(), registration);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}
