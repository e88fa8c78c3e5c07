package de.erpconnect.application.service;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.licence.Edition;
import de.erpconnect.domain.service.ServiceState;
import de.erpconnect.domain.service.ServiceStateRepository;
import de.erpconnect.domain.shared.ForbiddenException;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The automation service "GraphQL-Server" (DESIGN §7): started, /graphql serves partner apps;
 * stopped, it answers 503. Starting writes "Automatisierungsaufgabe aktiviert" with the endpoint
 * URL — built from the configured public URL, which must be https with a domain name (only
 * localhost is accepted otherwise, and only in dev mode) — into the event log, where the admin
 * copies it for the partner app. The flag "Interaktive Web-Oberfläche aktivieren" is Enterprise
 * only.
 */
@Stateless
@RolesAllowed("admin")
public class AutomationServices {

    private static final Pattern IP_HOST = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[.*\\]");

    @Inject
    ServiceStateRepository states;

    @Inject
    ServiceDirectory directory;

    @Inject
    EventLog events;

    @Inject
    Settings settings;

    @Inject
    LicenceDirectory licences;

    /** What the admin sees of the GraphQL-Server. */
    public record GraphqlServerView(
            boolean running,
            String endpointUrl,
            boolean interactive,
            String interactiveUrl,
            Instant changedAt,
            String changedBy) {}

    public GraphqlServerView graphqlServer() {
        ServiceState s = current();
        return new GraphqlServerView(
                s.running(),
                endpointUrl(),
                s.interactive(),
                s.interactive() ? directory.graphiqlUrl() : null,
                s.changedAt(),
                s.changedBy());
    }

    public GraphqlServerView start(String actor) {
        String url = endpointUrl();
        requirePublishableUrl(url);
        ServiceState s = current();
        save(new ServiceState(s.code(), true, s.interactive(), Instant.now(), actor));
        events.record(
                RealmId.ERP,
                EventType.AUTOMATION_STARTED,
                actor,
                null,
                "Automatisierungsaufgabe aktiviert: GraphQL-Server, Endpunkt " + url);
        return graphqlServer();
    }

    public GraphqlServerView stop(String actor) {
        ServiceState s = current();
        save(new ServiceState(s.code(), false, s.interactive(), Instant.now(), actor));
        events.record(
                RealmId.ERP,
                EventType.AUTOMATION_STOPPED,
                actor,
                null,
                "Automatisierungsaufgabe deaktiviert: GraphQL-Server, Endpunkt " + endpointUrl());
        return graphqlServer();
    }

    public GraphqlServerView setInteractive(boolean interactive, String actor) {
        if (interactive && licences.current().edition() != Edition.ENTERPRISE) {
            throw new ForbiddenException(
                    "EDITION",
                    "Die interaktive Web-Oberfläche gibt es nur in der Enterprise-Edition (this installation: "
                            + licences.current().edition() + ").");
        }
        ServiceState s = current();
        save(new ServiceState(s.code(), s.running(), interactive, Instant.now(), actor));
        events.record(
                RealmId.ERP,
                EventType.AUTOMATION_CHANGED,
                actor,
                null,
                "GraphQL-Server: Interaktive Web-Oberfläche " + (interactive ? "aktiviert" : "deaktiviert") + ".");
        return graphqlServer();
    }

    private String endpointUrl() {
        return settings.publicUrl().resolve("/graphql");
    }

    /** The endpoint partner apps get must be https with a domain name (localhost only in dev mode). */
    private void requirePublishableUrl(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (local) {
            if (!settings.isDev()) {
                throw new InvalidInputException(
                        "publicUrl",
                        "The endpoint " + url + " is only reachable on this machine; set ERPCONNECT_PUBLIC_URL.");
            }
            return;
        }
        if (IP_HOST.matcher(host).matches()) {
            throw new InvalidInputException(
                    "publicUrl",
                    "The endpoint " + url + " uses an IP address; partner apps need an https URL with a domain name"
                            + " (ERPCONNECT_PUBLIC_URL).");
        }
        if (!"https".equals(uri.getScheme())) {
            throw new InvalidInputException("publicUrl", "The endpoint " + url + " must use https.");
        }
    }

    private ServiceState current() {
        return states.find(ServiceState.GRAPHQL_SERVER)
                .orElseThrow(() -> new IllegalStateException("The GRAPHQL_SERVER service row is missing"));
    }

    private void save(ServiceState state) {
        states.save(state);
        directory.invalidate();
    }
}
