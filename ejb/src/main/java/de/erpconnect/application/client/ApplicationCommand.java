package de.erpconnect.application.client;

import de.erpconnect.domain.client.ApplicationKind;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.user.LoginName;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Create or change an application (DESIGN §10). On create, name, user and scopes are required,
 * kind defaults to {@code OWN} and clientType to {@code CONFIDENTIAL}; kind and clientType cannot
 * change afterwards. On change, a field left out keeps its value.
 */
public record ApplicationCommand(
        @Size(
                max = ClientApplication.NAME_MAX,
                message = "name must be at most " + ClientApplication.NAME_MAX + " characters.")
        String name,

        @Size(max = ApplicationKind.MAX_LENGTH, message = "kind is too long.")
        String kind,

        @Size(max = 16, message = "clientType is CONFIDENTIAL or PUBLIC.")
        String clientType,

        @Size(max = LoginName.MAX_LENGTH, message = "user is too long.")
        String user,

        @Size(
                max = ClientApplication.MAX_REDIRECT_URIS,
                message = "At most " + ClientApplication.MAX_REDIRECT_URIS + " redirect URIs.")
        List<String> redirectUris,

        @Size(max = 8, message = "scopes has too many entries.")
        List<String> scopes,

        Boolean active,
        Boolean requirePushedAuthorizationRequests,
        Integer accessTokenSeconds,
        Integer refreshTokenSeconds,
        Integer grantLifetimeSeconds) {}
