package de.erpconnect.domain.token;

import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.shared.ErrorCategory;

/**
 * The authorization request was already answered: another "Zulassen" of the same consent page got
 * its code first (the database keeps one code per request). Nothing of this attempt is kept.
 */
public class AuthorizationAnsweredException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AuthorizationAnsweredException() {
        super("This authorization request was already answered.");
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CONFLICT;
    }
}
