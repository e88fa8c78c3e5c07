package de.erpconnect.application.user;

import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.User;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Create or change a user (DESIGN §10). On create, login, displayName and password are required;
 * on change, a field left out ({@code null}) keeps its value — so a PUT without password keeps it.
 */
public record UserCommand(
        @Size(max = LoginName.MAX_LENGTH, message = "login must be at most " + LoginName.MAX_LENGTH + " characters.")
        String login,

        @Size(
                max = User.DISPLAY_NAME_MAX,
                message = "displayName must be at most " + User.DISPLAY_NAME_MAX + " characters.")
        String displayName,

        @Size(max = UserCommand.PASSWORD_INPUT_MAX, message = "password is too long.")
        String password,

        Boolean active,
        Boolean graphqlAccess,
        Boolean alwaysLogin,

        @Size(max = 4, message = "roles has too many entries.")
        List<String> roles,

        @Size(max = 64, message = "permissions has too many tables.")
        Map<String, List<String>> permissions,

        @Size(max = 200, message = "protectedFields has too many entries.")
        List<String> protectedFields) {

    /** Generous bound before the policy check, so absurd inputs never reach bcrypt. */
    public static final int PASSWORD_INPUT_MAX = 256;
}
