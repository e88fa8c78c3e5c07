package de.erpconnect.infrastructure.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.JwksUri;
import de.erpconnect.domain.shared.InvalidInputException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jwks_uri fetcher against local stand-ins: in production a host that resolves to a loopback
 * address is refused on the connected socket before a single byte is sent; the rules of the
 * answer (status, size, the JWK Set's own rules) hold in every mode.
 */
class HttpsKeySetFetcherTest {

    static final String JWKS = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"a3\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}";

    private final HttpsKeySetFetcher fetcher = new HttpsKeySetFetcher();

    private static String message(Runnable fetch) {
        InvalidInputException e = assertThrows(InvalidInputException.class, fetch::run);
        assertEquals("jwksUri", e.fieldErrors().get(0).field());
        return e.fieldErrors().get(0).message();
    }

    @Test
    void aHostOnALoopbackAddressIsRefusedOnTheConnectedSocketBeforeTls() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
                try (Socket s = listener.accept();
                        InputStream in = s.getInputStream()) {
                    s.setSoTimeout(3_000);
                    return in.read();
                } catch (java.io.IOException e) {
                    return -2;
                }
            });
            JwksUri uri = JwksUri.parse("https://localhost:" + listener.getLocalPort() + "/jwks.json", false);
            String refused = message(() -> fetcher.fetch(uri, true));
            assertTrue(
                    refused.startsWith("The jwks_uri's host localhost resolves to an address that is not public"),
                    refused);
            assertTrue(firstByte.get(10, TimeUnit.SECONDS) < 0, "no TLS ClientHello reached the internal address");
        }
    }

    @Test
    void plainHttpIsRefusedInProduction() {
        JwksUri uri = JwksUri.parse("http://127.0.0.1:9/jwks.json", true);
        assertEquals("The jwks_uri must use https.", message(() -> fetcher.fetch(uri, true)));
        assertThrows(InvalidInputException.class, () -> JwksUri.parse("http://app.example.com/jwks.json", false));
        assertThrows(InvalidInputException.class, () -> JwksUri.parse("https://user@app.example.com/jwks", false));
        assertThrows(InvalidInputException.class, () -> JwksUri.parse("https://app.example.com/jwks#k", false));
    }

    @Test
    void aServerThatDoesNotSpeakTlsIsATlsFailure() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket s = listener.accept()) {
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(500);
                } catch (Exception ignored) {
                    // the client gave up
                }
            });
            JwksUri uri = JwksUri.parse("https://127.0.0.1:" + listener.getLocalPort() + "/jwks.json", false);
            String failed = message(() -> fetcher.fetch(uri, false));
            assertTrue(failed.startsWith("The TLS connection to the jwks_uri failed"), failed);
        }
    }

    @Test
    void theAnswerMustBeA200WithAValidSetOfAtMost16KiB() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/jwks.json", exchange -> reply(exchange, 200, JWKS));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/jwks.json");
            reply(exchange, 302, "");
        });
        server.createContext(
                "/private", exchange -> reply(exchange, 200, JWKS.replace("\"kid\"", "\"d\":\"AAAA\",\"kid\"")));
        server.createContext("/huge", exchange -> reply(exchange, 200, "{\"keys\":[" + " ".repeat(20_000) + "]}"));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ClientKeys keys = fetcher.fetch(JwksUri.parse(base + "/jwks.json", true), false);
            assertEquals("a3", keys.keys().get(0).kid());
            assertEquals(
                    "The jwks_uri answered HTTP 302 (expected 200 with the JWK Set).",
                    message(() -> fetcher.fetch(JwksUri.parse(base + "/moved", true), false)),
                    "redirects are not followed");
            assertTrue(message(() -> fetcher.fetch(JwksUri.parse(base + "/private", true), false))
                    .contains("holds private key material"));
            assertEquals(
                    "The JWK Set at the jwks_uri is longer than 16384 bytes.",
                    message(() -> fetcher.fetch(JwksUri.parse(base + "/huge", true), false)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyPublicUnicastAddressesAreOutbound() throws Exception {
        for (String internal : new String[] {
            "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"
        }) {
            assertFalse(OutboundAddresses.isPublic(InetAddress.getByName(internal)), internal);
        }
        for (String external : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"}) {
            assertTrue(OutboundAddresses.isPublic(InetAddress.getByName(external)), external);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
