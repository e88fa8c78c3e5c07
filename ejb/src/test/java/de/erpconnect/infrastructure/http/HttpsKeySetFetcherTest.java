package de.erpconnect.infrastructure.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.JwksUri;
import de.erpconnect.domain.shared.InvalidInputException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jwks_uri fetcher against local stand-ins: in production a host that resolves to a loopback
 * address is refused on the connected socket before a single byte is sent; the rules of the
 * answer (status, size, the JWK Set's own rules) hold in every mode.
 */
class HttpsKeySetFetcherTest {

    static final String JWKS = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"a3\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}";

    private static final ScheduledExecutorService WATCHDOGS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jwks-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final HttpsKeySetFetcher fetcher = new HttpsKeySetFetcher(HttpsKeySetFetcher.defaultTls(), WATCHDOGS);

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
            "224.0.0.1", "255.255.255.255", "192.0.2.1", "198.51.100.7", "203.0.113.9", "::1", "fe80::1",
            "fd00::1", "fc00::", "fec0::1", "::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "2001:0:4136::1",
            "2001:db8::1"
        }) {
            assertFalse(OutboundAddresses.isPublic(InetAddress.getByName(internal)), internal);
        }
        for (String external : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111"}) {
            assertTrue(OutboundAddresses.isPublic(InetAddress.getByName(external)), external);
        }
        // an IPv4-mapped address as an IPv6 address (InetAddress.getByName would make it IPv4)
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        assertFalse(OutboundAddresses.isPublic(Inet6Address.getByAddress(null, mapped, null)), "::ffff:10.0.0.0");
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertTrue(OutboundAddresses.isPublic(Inet6Address.getByAddress(null, mapped, null)), "::ffff:8.8.8.8");
    }

    @Test
    void aServerThatAnswersAByteAtATimeIsCutOffAfterFiveSeconds() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket s = listener.accept()) {
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 30; i++) {
                        s.getOutputStream().write('X');
                        s.getOutputStream().flush();
                        Thread.sleep(1000);
                    }
                } catch (Exception ignored) {
                    // the client gave up
                }
            });
            long start = System.nanoTime();
            JwksUri uri = JwksUri.parse("http://127.0.0.1:" + listener.getLocalPort() + "/jwks.json", true);
            assertEquals("The jwks_uri did not answer within 5 s.", message(() -> fetcher.fetch(uri, false)));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds < 8, "ended after " + seconds + " s");
        }
    }

    @Test
    void aTrustedCertificateIsFetchedOverHttpsThroughTheCheckedSockets(@TempDir Path dir) throws Exception {
        char[] password = "changeit".toCharArray();
        Path store = dir.resolve("stand-in.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-alias",
                        "stand-in",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2")
                .redirectErrorStream(true)
                .start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, password);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(km.getKeyManagers(), null, null);
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(keys);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tm.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/jwks.json", exchange -> reply(exchange, 200, JWKS));
        server.start();
        try {
            HttpsKeySetFetcher trusting = new HttpsKeySetFetcher(clientTls.getSocketFactory(), WATCHDOGS);
            String url = "https://localhost:" + server.getAddress().getPort() + "/jwks.json";
            assertEquals(
                    "a3",
                    trusting.fetch(JwksUri.parse(url, false), false)
                            .keys()
                            .get(0)
                            .kid());
            // the same server, with the address check of production: refused before the handshake
            assertTrue(message(() -> trusting.fetch(JwksUri.parse(url, false), true))
                    .contains("resolves to an address that is not public"));
            // and with the JDK's own trust only, the stand-in's certificate is not trusted
            assertTrue(message(() -> fetcher.fetch(JwksUri.parse(url, false), false))
                    .startsWith("The TLS connection to the jwks_uri failed"));
        } finally {
            server.stop(0);
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
