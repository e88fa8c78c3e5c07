package de.erpconnect.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The partner app's side of a redirect, on another origin: an HTTPS server on a free local port
 * that answers for {@code https://partner.example.com} with a certificate of its own (made by the
 * JDK's keytool). Chromium reaches it through {@link #chromiumArguments()}: the host mapped to the
 * port, and this certificate's key accepted — nothing else. It records every query that arrives at
 * {@code /cb} and shows a page there, as an application's callback would.
 */
final class PartnerReceiver implements AutoCloseable {

    static final String HOST = "partner.example.com";
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final HttpsServer server;
    private final String spki;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    private PartnerReceiver(HttpsServer server, String spki) {
        this.server = server;
        this.spki = spki;
    }

    static PartnerReceiver start() {
        try {
            KeyStore keys = keyStore();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            Certificate cert = keys.getCertificate("partner");
            String spki = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(cert.getPublicKey().getEncoded()));
            PartnerReceiver receiver = new PartnerReceiver(server, spki);
            server.createContext("/cb", receiver::callback);
            // what a browser asks a site for besides the page (its icon): nothing, without an error
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the partner app's test server did not start", e);
        }
    }

    /** A key pair and certificate for partner.example.com, made once per build by keytool. */
    private static KeyStore keyStore() throws Exception {
        Path file = Path.of("target", "partner-example-com.p12").toAbsolutePath();
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "partner",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=" + HOST,
                            "-ext",
                            "san=dns:" + HOST,
                            "-validity",
                            "30",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            file.toString(),
                            "-storepass",
                            new String(PASSWORD))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    /** Chromium's arguments: partner.example.com is this server, and its certificate is accepted. */
    String[] chromiumArguments() {
        return new String[] {
            "--host-resolver-rules=MAP " + HOST + " 127.0.0.1:"
                    + server.getAddress().getPort(),
            "--ignore-certificate-errors-spki-list=" + spki
        };
    }

    /** The queries that arrived at the callback, in order. */
    List<Map<String, String>> received() {
        return List.copyOf(received);
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        received.add(query);
        byte[] body =
                ("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"UTF-8\"><title>Partner-App</title></head>"
                                + "<body><h1 id=\"arrived\">Zurück in der Partner-App</h1></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
