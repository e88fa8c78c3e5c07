package de.erpconnect.application.cloud;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.AfterCommit;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.LoginThrottle;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.cloud.CloudRepository;
import de.erpconnect.domain.cloud.CustomerNumber;
import de.erpconnect.domain.cloud.LinkNotUsableException;
import de.erpconnect.domain.cloud.PasswordReset;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordHasher;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import de.erpconnect.infrastructure.mail.MailSender;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Passwort vergessen?" of the cloud's portal: a single-use link by mail (the same answer whether
 * the user exists or not, at most {@value #MAX_RESETS_PER_QUARTER} mails per user and quarter of an
 * hour), and the new password set through it.
 */
@Stateless
public class CloudPasswordReset {

    /** At most this many reset mails per user and quarter of an hour. */
    static final int MAX_RESETS_PER_QUARTER = 3;

    @Inject
    CloudRepository cloud;

    @Inject
    UserRepository users;

    @Inject
    CallerDirectory callers;

    @Inject
    LoginThrottle throttle;

    @Inject
    PasswordHasher hasher;

    @Inject
    Commands commands;

    @Inject
    EventLog events;

    @Inject
    Settings settings;

    @Inject
    MailSender mail;

    @Inject
    AfterCommit afterCommit;

    /**
     * "Passwort vergessen?": mails a reset link to the user's address, valid for an hour. The
     * answer is the same whether or not customer number and user exist, so it tells nobody which
     * accounts there are; at most three mails per user and quarter of an hour.
     */
    @PermitAll
    public void requestPasswordReset(String customerNumber, String login, String remoteAddress) {
        Optional<User> user;
        try {
            user = users.findByLogin(CustomerNumber.parse(customerNumber).realm(), LoginName.parse(login));
        } catch (InvalidInputException | IllegalArgumentException malformed) {
            user = Optional.empty();
        }
        Instant now = Instant.now();
        if (user.isEmpty() || !user.get().canLogIn() || user.get().getEmail().isEmpty()) {
            return;
        }
        User u = user.get();
        if (cloud.countPasswordResets(u, now.minus(Duration.ofMinutes(15))) >= MAX_RESETS_PER_QUARTER) {
            events.record(
                    u.getRealm(),
                    EventType.PASSWORD_RESET_REQUESTED,
                    null,
                    remoteAddress,
                    "Password reset for '" + u.getLogin() + "' requested again: no further mail for now.");
            return;
        }
        PasswordReset.Issued issued = PasswordReset.issue(u, now);
        cloud.addPasswordReset(issued.reset());
        events.record(
                u.getRealm(),
                EventType.PASSWORD_RESET_REQUESTED,
                null,
                remoteAddress,
                "Password reset for '" + u.getLogin() + "' requested; a link was mailed.");
        String to = u.getEmail().get();
        String link = settings.publicUrl().resolve("/cloud/reset.xhtml?token=" + issued.token());
        String text = "Guten Tag " + u.getDisplayName() + ",\n\n"
                + "für Ihren Zugang zur microtech Cloud (Kundennummer " + u.getRealm() + ", Benutzer "
                + u.getLogin() + ") wurde ein neues Passwort angefordert. Über diesen Link legen Sie es fest;"
                + " er gilt eine Stunde und nur einmal:\n\n" + link + "\n\n"
                + "Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt"
                + " unverändert.\n";
        afterCommit.run(() -> mail.send(to, "microtech Cloud: Passwort zurücksetzen", text));
    }

    /** Whether a reset link can still be used (the page says so before anyone types a password). */
    @PermitAll
    public boolean isResetLinkUsable(String token) {
        return findUsableReset(token).isPresent();
    }

    /** Sets a new password through a reset link (once, within its hour) and lifts the user's lockouts. */
    @PermitAll
    public void resetPassword(String token, CloudCommands.ResetPassword form) {
        commands.validated(form);
        PasswordReset reset = usableReset(token);
        List<FieldError> errors = new ArrayList<>();
        CloudForms.checkNewPassword(errors, form.password(), form.passwordConfirmation());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = Instant.now();
        if (!cloud.usePasswordReset(reset.getTokenHash(), now)) {
            throw new LinkNotUsableException("password reset");
        }
        User user = reset.getUser();
        user.changePasswordHash(hasher.hash(form.password()), now);
        callers.invalidate(user.getRealm(), user.getLogin());
        throttle.forget(
                "user", LoginThrottle.subject(user.getRealm(), user.getLogin().value()));
        events.record(
                user.getRealm(),
                EventType.PASSWORD_RESET,
                user.getLogin().value(),
                null,
                "Password of '" + user.getLogin() + "' set through a reset link.");
    }

    private PasswordReset usableReset(String token) {
        return findUsableReset(token).orElseThrow(() -> new LinkNotUsableException("password reset"));
    }

    private Optional<PasswordReset> findUsableReset(String token) {
        if (!OpaqueToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return cloud.findPasswordReset(OpaqueToken.hash(token)).filter(r -> r.isUsableAt(Instant.now()));
    }
}
