package de.erpconnect.infrastructure.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenEndpointProbeTest {

    @Test
    void aTokenResponseIsSuccessWithTypeAndExpiry() {
        TokenEndpointProbe.Outcome o = TokenEndpointProbe.interpret(
                200, "{\"access_token\":\"abc\",\"token_type\":\"Bearer\",\"expires_in\":300}", "s3cret");
        assertTrue(o.ok());
        assertEquals("Connection OK: the token endpoint issued a token (type Bearer, valid for 300 s).", o.message());
        assertFalse(o.message().contains("abc"), "the token itself is never reported");
    }

    @Test
    void anOAuthErrorIsReportedExactlyWithAHint() {
        TokenEndpointProbe.Outcome o = TokenEndpointProbe.interpret(
                401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}",
                "s3cret");
        assertFalse(o.ok());
        assertEquals(
                "The token endpoint refused the credentials: invalid_client (Client authentication failed.)."
                        + " Check the Client-ID and the Client-Secret.",
                o.message());
    }

    @Test
    void remoteTextNeverEchoesTheSecretOrControlCharacters() {
        TokenEndpointProbe.Outcome o = TokenEndpointProbe.interpret(
                400, "{\"error\":\"invalid_request\",\"error_description\":\"bad secret s3cret\\n!\"}", "s3cret");
        assertFalse(o.message().contains("s3cret"));
        assertFalse(o.message().contains("\n"));
    }

    @Test
    void anythingElseIsAnUnexpectedAnswer() {
        assertEquals(
                "Unexpected answer from the token endpoint: HTTP 502.",
                TokenEndpointProbe.interpret(502, "<html>Bad gateway</html>", "x")
                        .message());
        assertEquals(
                "Unexpected answer from the token endpoint: HTTP 200.",
                TokenEndpointProbe.interpret(200, "{\"token\":1}", "x").message());
    }
}
