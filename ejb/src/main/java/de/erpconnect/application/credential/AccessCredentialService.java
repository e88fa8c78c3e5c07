package de.erpconnect.application.credential;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.credential.AccessCredential;
import de.erpconnect.domain.credential.AccessCredentialRepository;
import de.erpconnect.domain.credential.AnotherCredentialActiveException;
import de.erpconnect.domain.credential.CredentialKind;
import de.erpconnect.domain.credential.CredentialKinds;
import de.erpconnect.domain.credential.CredentialNumberTakenException;
import de.erpconnect.domain.credential.NoCloudAccessException;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.licence.LicenceState;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.crypto.SecretCipher;
import de.erpconnect.infrastructure.http.CloudApiClient;
import de.erpconnect.infrastructure.http.TokenEndpointProbe;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "ZUGANGSDATEN": access credentials for outside services (admins only). The secret is sealed
 * with the master key (AES-GCM) before it is stored and is only unsealed for "Testen"; no
 * response or event ever contains it. One active record per kind is the database's rule; this
 * service turns a clash into a clear 409.
 */
@Stateless
@RolesAllowed("admin")
public class AccessCredentialService {

    @Inject
    AccessCredentialRepository credentials;

    @Inject
    CredentialKinds kinds;

    @Inject
    SecretCipher cipher;

    @Inject
    TokenEndpointProbe probe;

    @Inject
    Commands commands;

    @Inject
    EventLog events;

    @Inject
    LicenceDirectory licences;

    @Inject
    Settings settings;

    @Resource
    SessionContext session;

    public AccessCredentialView create(AccessCredentialCommand command) {
        commands.validated(command);
        credentials.lockForChanges();
        CredentialKind kind = command.kind() == null ? kinds.preselected() : kinds.get(command.kind());
        if (command.clientId() == null) {
            throw new InvalidInputException("clientId", "clientId (Client-ID) is required.");
        }
        if (command.clientSecret() == null || command.clientSecret().isEmpty()) {
            throw new InvalidInputException("clientSecret", "clientSecret (Client-Secret) is required.");
        }
        int number = command.number() != null ? command.number() : credentials.nextFreeNumber(RealmId.ERP);
        if (credentials.findByNumber(RealmId.ERP, number).isPresent()) {
            throw new CredentialNumberTakenException(number);
        }
        Instant now = Instant.now();
        AccessCredential credential = new AccessCredential(RealmId.ERP, number, kind, now);
        credential.describe(
                command.name() != null ? command.name() : kind.displayName(), command.clientId(), command.info(), now);
        credential.replaceSecret(seal(credential, command.clientSecret()), now);
        if (command.active() == null || command.active()) {
            requireNoOtherActive(credential, kind);
            credential.activate(now);
        }
        credentials.add(credential);
        credentials.flushChecked(credential);
        events.record(
                RealmId.ERP,
                EventType.CREDENTIAL_CREATED,
                actor(),
                null,
                "Access credentials " + number + " (" + kind.displayName() + ") created"
                        + (credential.isActive() ? ", active." : ", inactive."));
        return AccessCredentialView.of(credential, kind);
    }

    public AccessCredentialView update(int number, AccessCredentialCommand command) {
        commands.validated(command);
        if (Boolean.TRUE.equals(command.active())) {
            credentials.lockForChanges();
        }
        AccessCredential credential = credentials.getByNumber(RealmId.ERP, number);
        CredentialKind kind = kinds.get(credential.getKind());
        if (command.number() != null && command.number() != number) {
            throw new InvalidInputException("number", "The number (Nummer) can only be chosen for new records.");
        }
        if (command.kind() != null && !command.kind().equals(credential.getKind())) {
            throw new InvalidInputException("kind", "The kind (Art) of existing access credentials cannot change.");
        }
        Instant now = Instant.now();
        credential.describe(
                command.name() != null ? command.name() : credential.getName(),
                command.clientId() != null ? command.clientId() : credential.getClientId(),
                command.info() != null ? command.info() : credential.getInfo(),
                now);
        if (command.clientSecret() != null) {
            if (command.clientSecret().isEmpty()) {
                throw new InvalidInputException("clientSecret", "A new Client-Secret must not be empty.");
            }
            credential.replaceSecret(seal(credential, command.clientSecret()), now);
        }
        if (Boolean.TRUE.equals(command.active()) && !credential.isActive()) {
            requireNoOtherActive(credential, kind);
            credential.activate(now);
        } else if (Boolean.FALSE.equals(command.active())) {
            credential.deactivate(now);
        }
        credentials.flushChecked(credential);
        events.record(
                RealmId.ERP,
                EventType.CREDENTIAL_UPDATED,
                actor(),
                null,
                "Access credentials " + number + " (" + kind.displayName() + ") changed"
                        + (command.clientSecret() != null ? ", new secret" : "")
                        + (credential.isActive() ? ", active." : ", inactive."));
        return AccessCredentialView.of(credential, kind);
    }

    public AccessCredentialView get(int number) {
        AccessCredential credential = credentials.getByNumber(RealmId.ERP, number);
        return AccessCredentialView.of(credential, kinds.get(credential.getKind()));
    }

    public Page<AccessCredentialView> list(String query, PageRequest page) {
        String q = query == null ? "" : query.strip();
        return new Page<>(
                credentials.search(RealmId.ERP, q, page.offset(), page.size()).stream()
                        .map(c -> AccessCredentialView.of(c, kinds.get(c.getKind())))
                        .toList(),
                credentials.count(RealmId.ERP, q));
    }

    public void delete(int number) {
        AccessCredential credential = credentials.getByNumber(RealmId.ERP, number);
        credentials.remove(credential);
        events.record(
                RealmId.ERP,
                EventType.CREDENTIAL_DELETED,
                actor(),
                null,
                "Access credentials " + number + " (" + credential.getName() + ") deleted.");
    }

    /** The form of a new record ("Neu"). */
    public AccessCredentialView.Template template() {
        CredentialKind kind = kinds.preselected();
        return new AccessCredentialView.Template(
                credentials.nextFreeNumber(RealmId.ERP), true, kind.code(), kind.displayName());
    }

    public List<AccessCredentialView.KindView> kinds() {
        return kinds.all().stream()
                .map(k -> new AccessCredentialView.KindView(
                        k.code(), k.displayName(), tokenUrl(k).isPresent()))
                .toList();
    }

    /**
     * "Testen": a client-credentials request to the kind's token endpoint with the stored id and
     * secret. Runs without a transaction, so that no database connection waits on the remote
     * server; the outcome and its duration go to the event log.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AccessCredentialView.TestResult test(int number) {
        AccessCredential credential = credentials.getByNumber(RealmId.ERP, number);
        CredentialKind kind = kinds.get(credential.getKind());
        long start = System.nanoTime();
        TokenEndpointProbe.Outcome outcome = tokenUrl(kind)
                .map(url -> probe.probe(url, credential.getClientId(), unseal(credential)))
                .orElseGet(() -> new TokenEndpointProbe.Outcome(
                        false,
                        CredentialKind.MICROTECH_CLOUD.equals(kind.code())
                                ? "The installation has no customer number yet; the microtech Cloud finds its"
                                        + " realm by it (activate a product key)."
                                : "No token endpoint is configured for the kind '" + kind.displayName()
                                        + "' (see the configuration of credential kinds)."));
        long millis = (System.nanoTime() - start) / 1_000_000;
        events.recordIndependently(
                RealmId.ERP,
                EventType.CREDENTIAL_TESTED,
                actor(),
                null,
                "Test of access credentials " + number + " (" + kind.displayName() + ") "
                        + (outcome.ok() ? "succeeded" : "failed") + " in " + millis + " ms: " + outcome.message());
        return new AccessCredentialView.TestResult(outcome.ok(), outcome.message());
    }

    /**
     * The token endpoint "Testen" calls: the configured one; for "microtech Cloud" without one, the
     * token endpoint of this installation's realm in the cloud (DESIGN §9):
     * {@code {ERPCONNECT_CLOUD_URL}/cloud/realms/{customer number}/oauth2/token}; the dev-mode
     * evaluation counts as customer {@code 0000000000}.
     */
    static final String EVALUATION_CUSTOMER_NUMBER = "0000000000";

    /**
     * How the ERP side reaches the cloud's API: the active "microtech Cloud" record's client id and
     * secret and its realm's token endpoint (the platforms of DESIGN §9). For services only; the
     * secret never leaves the server.
     */
    public CloudApiClient.Access cloudAccess() {
        CredentialKind kind = kinds.get(CredentialKind.MICROTECH_CLOUD);
        AccessCredential credential = credentials
                .findActive(RealmId.ERP, kind.code())
                .orElseThrow(() -> new NoCloudAccessException(
                        "There are no active \"microtech Cloud\" access credentials (Zugangsdaten)."));
        String tokenUrl = tokenUrl(kind)
                .orElseThrow(() -> new NoCloudAccessException(
                        "The installation has no customer number yet; the microtech Cloud finds its realm by it."));
        return new CloudApiClient.Access(
                tokenUrl, settings.cloudUrl().resolve("/cloud/api"), credential.getClientId(), unseal(credential));
    }

    private Optional<String> tokenUrl(CredentialKind kind) {
        if (kind.tokenUrl().isPresent() || !CredentialKind.MICROTECH_CLOUD.equals(kind.code())) {
            return kind.tokenUrl();
        }
        LicenceState licence = licences.current();
        return licence.customerNumber()
                // the dev-mode evaluation has the customer number of DESIGN §3 until a product key sets one
                .or(() -> licence.evaluation() ? Optional.of(EVALUATION_CUSTOMER_NUMBER) : Optional.empty())
                .map(number -> settings.cloudUrl().resolve("/cloud/realms/" + number + "/oauth2/token"));
    }

    private void requireNoOtherActive(AccessCredential credential, CredentialKind kind) {
        credentials
                .findActive(RealmId.ERP, kind.code())
                .filter(other -> other.getNumber() != credential.getNumber())
                .ifPresent(other -> {
                    throw new AnotherCredentialActiveException(kind.displayName(), other.getNumber());
                });
    }

    private byte[] seal(AccessCredential credential, String secret) {
        return cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8), credential.secretContext());
    }

    private String unseal(AccessCredential credential) {
        return new String(
                cipher.decrypt(credential.getSealedSecret(), credential.secretContext()), StandardCharsets.UTF_8);
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
