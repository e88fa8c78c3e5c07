package de.erpconnect.domain.licence;

import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.shared.ErrorCategory;
import java.util.List;

/**
 * An activation key that cannot be activated, with the rule it broke in the words of the
 * troubleshooting list (DESIGN §3). The message is localized per request (German, English) from
 * {@link #messageKey()} and {@link #messageArgs()}; {@link #getMessage()} is the German text.
 */
public class ActivationRejectedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Why a key was rejected; each has a message key. */
    public enum Reason {
        MALFORMED,
        SIGNATURE,
        WRONG_CUSTOMER,
        BUILD_TOO_OLD,
        WRONG_EDITION,
        EXPIRED,
        UNKNOWN_PARTNER_APP,
        ALREADY_ACTIVATED
    }

    private final Reason reason;
    private final String messageKey;
    private final List<Object> args;

    public ActivationRejectedException(Reason reason, String germanMessage, Object... args) {
        this(reason, "activation." + reason.name(), germanMessage, List.of(args));
    }

    private ActivationRejectedException(Reason reason, String messageKey, String germanMessage, List<Object> args) {
        super(germanMessage);
        this.reason = reason;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** A rejection whose text is a variant of its reason's (its own message key). */
    public static ActivationRejectedException variant(
            Reason reason, String messageKey, String germanMessage, Object... args) {
        return new ActivationRejectedException(reason, messageKey, germanMessage, List.of(args));
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public ErrorCategory category() {
        return reason == Reason.ALREADY_ACTIVATED ? ErrorCategory.CONFLICT : ErrorCategory.INVALID;
    }

    @Override
    public String code() {
        return "ACTIVATION_" + reason.name();
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] messageArgs() {
        return args.toArray();
    }
}
