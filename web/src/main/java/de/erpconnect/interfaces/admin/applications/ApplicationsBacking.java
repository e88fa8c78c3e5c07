package de.erpconnect.interfaces.admin.applications;

import de.erpconnect.application.client.ApplicationCommand;
import de.erpconnect.application.client.ApplicationService;
import de.erpconnect.application.client.ApplicationView;
import de.erpconnect.application.client.SecretRotationCommand;
import de.erpconnect.application.licence.LicenceService;
import de.erpconnect.application.licence.LicenceView.ApplicationKindView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.application.user.UserService;
import de.erpconnect.application.user.UserView;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.PageMessages;
import de.erpconnect.interfaces.admin.SearchPage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.primefaces.PrimeFaces;

/**
 * "Anwendungen verwalten": the applications without their secrets, "Neu" and "Bearbeiten" in one
 * form, the one-time dialog with Client-ID and Client-Secret after saving a new application or
 * renewing its secret, activation and deletion — through {@link ApplicationService}, like
 * {@code /api/admin/applications}.
 */
@Named("applicationsPage")
@ViewScoped
public class ApplicationsBacking extends SearchPage<ApplicationView> {

    private static final long serialVersionUID = 1L;
    static final String FORM = "application";
    static final String OWN = "OWN";
    static final String CONFIDENTIAL = "CONFIDENTIAL";
    private static final int USER_SUGGESTIONS = 20;

    @Inject
    ApplicationService applications;

    @Inject
    LicenceService licences;

    @Inject
    UserService users;

    private Editing editing;
    private List<ApplicationKindView> kinds;

    /**
     * The secret just issued, for the one response that shows it: transient, so that it never
     * reaches a serialized view or session, and dropped on "Verstanden".
     */
    private transient Revealed revealed;

    /** Client-ID and Client-Secret as the dialog shows them once. */
    public record Revealed(String name, String clientId, String clientSecret, boolean rotated) {
        @Override
        public String toString() {
            return "Revealed[" + clientId + ", clientSecret=***]";
        }
    }

    /** What the form edits; {@code id} is null for "Neu". */
    public static final class Editing implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Long id;
        private String clientId;
        private String name;
        private String kind;
        private String clientType = CONFIDENTIAL;
        private String user;
        private String redirectUris = "";
        private List<String> scopes = new ArrayList<>(List.of("graphql"));
        private boolean active = true;
        private boolean requirePar;
        private boolean fapi2;
        private Integer accessTokenSeconds;
        private Integer refreshTokenSeconds;
        private Integer grantLifetimeSeconds;
        private Integer graceHours = (int) (SecretRotationCommand.DEFAULT_GRACE_SECONDS / 3600);
        private String authMethod;
        private List<String> keys = List.of();
        private String jwks;
        private String jwksUri;

        Editing(ApplicationView app, String defaultKind) {
            if (app == null) {
                id = null;
                kind = defaultKind;
                return;
            }
            id = app.id();
            clientId = app.clientId();
            name = app.name();
            kind = app.kind();
            clientType = app.clientType();
            user = app.user();
            redirectUris = String.join("\n", app.redirectUris());
            scopes = new ArrayList<>(app.scopes());
            active = app.active();
            requirePar = app.requirePushedAuthorizationRequests();
            fapi2 = app.fapi2();
            accessTokenSeconds = app.accessTokenSeconds();
            refreshTokenSeconds = app.refreshTokenSeconds();
            grantLifetimeSeconds = app.grantLifetimeSeconds();
            authMethod = app.authMethod();
            jwksUri = app.jwksUri();
            keys = app.keys().stream()
                    .map(k -> k.kid() + " · " + k.algorithm() + " · SHA-256 " + k.thumbprint())
                    .toList();
        }

        /** Whether authorization requests must be pushed first (PAR, RFC 9126). */
        public boolean isRequirePar() {
            return requirePar;
        }

        public void setRequirePar(boolean requirePar) {
            this.requirePar = requirePar;
        }

        /** Whether the FAPI 2.0 switch is on (PAR is then required and not chosen here). */
        public boolean isFapi2() {
            return fapi2;
        }

        /** client_secret_basic, private_key_jwt or none. */
        public String getAuthMethod() {
            return authMethod;
        }

        /** The registered keys, one line each: kid, algorithm, RFC 7638 fingerprint. */
        public List<String> getKeys() {
            return keys;
        }

        /** Where the partner app publishes its keys, if it does. */
        public String getJwksUri() {
            return jwksUri;
        }

        public void setJwksUri(String jwksUri) {
            this.jwksUri = jwksUri;
        }

        public String getJwks() {
            return jwks;
        }

        public void setJwks(String jwks) {
            this.jwks = jwks;
        }

        public boolean isExisting() {
            return id != null;
        }

        public Long getId() {
            return id;
        }

        public String getClientId() {
            return clientId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getClientType() {
            return clientType;
        }

        public void setClientType(String clientType) {
            this.clientType = clientType;
        }

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(String redirectUris) {
            this.redirectUris = redirectUris == null ? "" : redirectUris;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public Integer getAccessTokenSeconds() {
            return accessTokenSeconds;
        }

        public void setAccessTokenSeconds(Integer accessTokenSeconds) {
            this.accessTokenSeconds = accessTokenSeconds;
        }

        public Integer getRefreshTokenSeconds() {
            return refreshTokenSeconds;
        }

        public void setRefreshTokenSeconds(Integer refreshTokenSeconds) {
            this.refreshTokenSeconds = refreshTokenSeconds;
        }

        public Integer getGrantLifetimeSeconds() {
            return grantLifetimeSeconds;
        }

        public void setGrantLifetimeSeconds(Integer grantLifetimeSeconds) {
            this.grantLifetimeSeconds = grantLifetimeSeconds;
        }

        public Integer getGraceHours() {
            return graceHours;
        }

        public void setGraceHours(Integer graceHours) {
            this.graceHours = graceHours;
        }

        ApplicationCommand command() {
            List<String> uris = Arrays.stream(redirectUris.split("\\R"))
                    .map(String::strip)
                    .filter(u -> !u.isEmpty())
                    .toList();
            return new ApplicationCommand(
                    blankToNull(name),
                    isExisting() ? null : kind,
                    isExisting() ? null : clientType,
                    blankToNull(user),
                    uris,
                    scopes,
                    active,
                    fapi2 ? null : requirePar,
                    accessTokenSeconds,
                    refreshTokenSeconds,
                    grantLifetimeSeconds);
        }
    }

    public ApplicationsBacking() {
        super(a -> Long.toString(a.id()));
    }

    @Override
    protected Page<ApplicationView> search(String query, PageRequest request) {
        return applications.list(query, request);
    }

    public Editing getEditing() {
        return editing;
    }

    public Revealed getRevealed() {
        return revealed;
    }

    /** "Anwendungsart": the activated partner apps, and "Eigene Anwendung" on Enterprise. */
    public List<ApplicationKindView> getKinds() {
        if (kinds == null) {
            kinds = licences.applicationKinds();
        }
        return kinds;
    }

    /** The scopes the chosen kind may ask for (a partner app only those of its catalogue entry). */
    public List<String> getScopeChoices() {
        return selectedKind()
                .map(ApplicationKindView::scopes)
                .orElseGet(() -> Scope.ofErp().stream().map(Scope::wireName).toList());
    }

    /** Partner apps are confidential clients: the client type is set, not chosen. */
    public boolean isClientTypeFixed() {
        return editing == null
                || editing.isExisting()
                || selectedKind().map(ApplicationKindView::partnerApp).orElse(true);
    }

    public String kindName(String kind) {
        return getKinds().stream()
                .filter(k -> k.kind().equals(kind))
                .map(ApplicationKindView::name)
                .findFirst()
                .orElse(kind);
    }

    /** Logins for the "Benutzer" field, as the admin types. */
    public List<String> completeUser(String typed) {
        return users.list(typed, new PageRequest(0, USER_SUGGESTIONS)).items().stream()
                .map(UserView::login)
                .toList();
    }

    public void create() {
        if (getKinds().isEmpty()) {
            PageMessages.info("applications.noKinds");
            return;
        }
        editing = new Editing(null, getKinds().get(0).kind());
        kindChanged();
    }

    public void edit(long id) {
        try {
            editing = new Editing(applications.get(id), null);
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    /** A partner app fixes the client type and limits the scopes to those it may ask for. */
    public void kindChanged() {
        if (editing == null || editing.isExisting()) {
            return;
        }
        if (selectedKind().map(ApplicationKindView::partnerApp).orElse(true)) {
            editing.setClientType(CONFIDENTIAL);
        }
        List<String> allowed = getScopeChoices();
        editing.setScopes(editing.getScopes().stream().filter(allowed::contains).toList());
    }

    public void cancel() {
        editing = null;
    }

    public void save() {
        try {
            if (editing.isExisting()) {
                ApplicationView saved = applications.update(editing.id, editing.command());
                PageMessages.info("applications.updated", saved.name());
            } else {
                ApplicationView saved = applications.create(editing.command());
                PageMessages.info("applications.created", saved.name());
                reveal(saved, false);
            }
            editing = null;
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
        }
    }

    /** "Secret erneuern": a new secret, shown once; the old one works for the grace period. */
    public void rotateSecret() {
        try {
            Integer hours = editing.getGraceHours();
            ApplicationView saved = applications.rotateSecret(
                    editing.id, new SecretRotationCommand(hours == null ? null : hours * 3600L));
            editing = null;
            reveal(saved, true);
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
        }
    }

    /** "Schlüssel hinterlegen": private_key_jwt with the pasted JWK Set; the secret stops working. */
    public void registerKeys() {
        stayEditing(() -> applications.registerKeys(editing.id, editing.getJwks()), "applications.keys.registered");
    }

    /** "Schlüssel-Adresse hinterlegen": private_key_jwt with the keys the partner app publishes. */
    public void registerKeysUri() {
        stayEditing(
                () -> applications.registerKeysUri(editing.id, editing.getJwksUri()), "applications.keys.registered");
    }

    /** "FAPI 2.0 einschalten": the grants are revoked, the partner app signs its users in anew. */
    public void enableFapi2() {
        stayEditing(() -> applications.enableFapi2(editing.id), "applications.fapi2.enabled");
    }

    /** Runs a change of the edited application, says {@code message} and shows the form with its result. */
    private void stayEditing(Supplier<ApplicationView> change, String message) {
        try {
            ApplicationView saved = change.get();
            PageMessages.info(message, saved.name());
            editing = new Editing(saved, null);
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
        }
    }

    /** "FAPI 2.0 ausschalten": a new secret, shown once; the keys are removed. */
    public void disableFapi2() {
        try {
            ApplicationView saved = applications.disableFapi2(editing.id);
            editing = null;
            reveal(saved, true);
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
        }
    }

    public void setActive(long id, boolean active) {
        try {
            ApplicationView saved = applications.update(
                    id, new ApplicationCommand(null, null, null, null, null, null, active, null, null, null, null));
            PageMessages.info(active ? "applications.activated" : "applications.deactivated", saved.name());
            if (editing != null && editing.isExisting() && editing.id == id) {
                editing = null;
            }
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    public void delete(long id) {
        try {
            String name = applications.get(id).name();
            applications.delete(id);
            if (editing != null && editing.isExisting() && editing.id == id) {
                editing = null;
            }
            PageMessages.info("applications.deleted", name);
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    /** "Verstanden": the secret leaves the page for good. */
    public void understood() {
        revealed = null;
    }

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }

    private void reveal(ApplicationView saved, boolean rotated) {
        revealed = new Revealed(saved.name(), saved.clientId(), saved.clientSecret(), rotated);
        PrimeFaces.current().executeScript("PF('secretDialog').show()");
    }

    private Optional<ApplicationKindView> selectedKind() {
        if (editing == null) {
            return Optional.empty();
        }
        return getKinds().stream()
                .filter(k -> k.kind().equals(editing.getKind()))
                .findFirst();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
