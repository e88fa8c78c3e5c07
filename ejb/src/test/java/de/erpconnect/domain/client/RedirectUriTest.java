package de.erpconnect.domain.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://elo.example.com/cb",
                "https://app.example.de:8443/oauth/callback?tenant=1",
                "https://sub.domain.example.co.uk/x"
            })
    void confidentialClientsRegisterHttpsWithADomainName(String uri) {
        assertDoesNotThrow(() -> RedirectUri.register(uri, ClientType.CONFIDENTIAL));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://elo.example.com/cb",
                "https://192.168.1.10/cb",
                "https://[::1]/cb",
                "https://localhost/cb",
                "https://*.example.com/cb",
                "https://elo.example.com/cb#frag",
                "https://user:pw@elo.example.com/cb",
                "/relative/cb",
                "javascript:alert(1)",
                "http://127.0.0.1:8080/cb",
                "com.example.app:/cb",
                "",
                "https://elo.example.com/ cb"
            })
    void confidentialClientsCannotRegisterAnythingElse(String uri) {
        assertThrows(InvalidInputException.class, () -> RedirectUri.register(uri, ClientType.CONFIDENTIAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/cb", "http://[::1]:4000/cb", "com.example.app:/oauth2redirect"})
    void publicNativeClientsMayUseLoopbackAndPrivateSchemes(String uri) {
        assertDoesNotThrow(() -> RedirectUri.register(uri, ClientType.PUBLIC));
    }

    @Test
    void publicClientsStillCannotUseHttpOnANetworkHost() {
        assertThrows(
                InvalidInputException.class,
                () -> RedirectUri.register("http://app.example.com/cb", ClientType.PUBLIC));
        assertThrows(InvalidInputException.class, () -> RedirectUri.register("http://localhost/cb", ClientType.PUBLIC));
    }

    @Test
    void matchingIsExactExceptForTheLoopbackPort() {
        RedirectUri https = RedirectUri.register("https://elo.example.com/cb", ClientType.CONFIDENTIAL);
        assertTrue(https.matches("https://elo.example.com/cb"));
        assertFalse(https.matches("https://elo.example.com/cb/"));
        assertFalse(https.matches("https://ELO.example.com/cb"));
        assertFalse(https.matches("https://elo.example.com/cb?x=1"));
        assertFalse(https.matches("https://elo.example.com:443/cb"));

        RedirectUri loopback = RedirectUri.register("http://127.0.0.1/cb", ClientType.PUBLIC);
        assertTrue(loopback.matches("http://127.0.0.1:53123/cb"));
        assertFalse(loopback.matches("http://127.0.0.1:53123/other"));
        assertFalse(loopback.matches("http://[::1]:53123/cb"));
    }
}
