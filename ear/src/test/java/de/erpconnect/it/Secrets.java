package de.erpconnect.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every secret the suite creates (client secrets, passwords, access tokens) is noted here, so
 * that {@link SecretLeakIT} can search the server log and the database for each of them at the
 * end of the suite.
 */
final class Secrets {

    private Secrets() {}

    static synchronized String note(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("no secret to note");
        }
        try {
            Files.writeString(
                    file(),
                    secret + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secret;
    }

    static com.nimbusds.oauth2.sdk.token.RefreshToken noteRefresh(com.nimbusds.oauth2.sdk.token.RefreshToken token) {
        note(token.getValue());
        return token;
    }

    static Path file() {
        return Path.of(System.getProperty("it.secrets.file"));
    }
}
