package de.erpconnect.infrastructure.http;

import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.JwksUri;
import de.erpconnect.domain.client.KeySetFetcher;
import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.logging.Logger;

/**
 * Fetches a partner app's JWK Set over https: no proxy, no redirects, {@value #TIMEOUT_MILLIS} ms
 * for the whole fetch (connecting, the TLS handshake, headers and body: a watchdog closes the
 * connection then), at most {@link ClientKeys#MAX_LENGTH} bytes, status 200.
 * The address is checked per connection, on the socket actually connected and before the TLS
 * handshake: only public addresses ({@link OutboundAddresses}) in production, so that a host name
 * that resolves (or is re-bound) to an internal address is refused. In the dev mode loopback and
 * private addresses and plain http are allowed, for local stand-ins.
 */
@ApplicationScoped
public class HttpsKeySetFetcher implements KeySetFetcher {

    static final int TIMEOUT_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(HttpsKeySetFetcher.class);

    @Inject
    Settings settings;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService watchdogs;

    private final SSLSocketFactory tls;

    public HttpsKeySetFetcher() {
        this(defaultTls(), null);
    }

    /** With the TLS trust of {@code tls} (tests: a stand-in's own certificate) and their own watchdog threads. */
    HttpsKeySetFetcher(SSLSocketFactory tls, ScheduledExecutorService watchdogs) {
        this.tls = tls;
        this.watchdogs = watchdogs;
    }

    @Override
    public ClientKeys fetch(JwksUri uri) {
        return fetch(uri, !settings.isDev());
    }

    ClientKeys fetch(JwksUri uri, boolean publicOnly) {
        String where = uri.value().getHost();
        HttpURLConnection connection = null;
        CheckedSocketFactory sockets = new CheckedSocketFactory(tls, publicOnly);
        AtomicBoolean overdue = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try {
            connection = (HttpURLConnection) uri.value().toURL().openConnection(Proxy.NO_PROXY);
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(sockets);
            } else if (publicOnly) {
                throw invalid("The jwks_uri must use https.");
            }
            // the whole fetch, handshake and headers included, ends after the time limit: a server
            // that answers a byte at a time does not hold the thread
            HttpURLConnection open = connection;
            watchdog = watchdogs.schedule(
                    () -> {
                        overdue.set(true);
                        open.disconnect();
                        sockets.closeAll();
                    },
                    TIMEOUT_MILLIS,
                    TimeUnit.MILLISECONDS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestProperty("Accept", "application/jwk-set+json, application/json");
            int status = connection.getResponseCode();
            if (status != 200) {
                throw invalid("The jwks_uri answered HTTP " + status + " (expected 200 with the JWK Set).");
            }
            String body = body(connection);
            try {
                return ClientKeys.parse(body);
            } catch (InvalidInputException e) {
                // the set's own rule, said of the field the admin filled in
                throw invalid(e.fieldErrors().get(0).message());
            }
        } catch (RefusedAddressException e) {
            throw invalid("The jwks_uri's host " + where + " resolves to an address that is not public ("
                    + e.getMessage() + "); only public addresses are fetched.");
        } catch (UnknownHostException e) {
            throw invalid("The jwks_uri's host " + where + " is unknown.");
        } catch (IOException e) {
            if (overdue.get() || e instanceof SocketTimeoutException) {
                throw invalid("The jwks_uri did not answer within " + TIMEOUT_MILLIS / 1000 + " s.");
            }
            if (e instanceof SSLException) {
                throw invalid("The TLS connection to the jwks_uri failed (is its certificate valid and trusted?).");
            }
            LOG.debugf(e, "Fetching the JWK Set of %s failed", uri);
            throw invalid("The jwks_uri could not be fetched (" + e.getClass().getSimpleName() + ").");
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (connection != null) {
                connection.disconnect();
            }
            sockets.closeAll();
        }
    }

    /** The answer's body, at most {@link ClientKeys#MAX_LENGTH} bytes (its time is the watchdog's). */
    private static String body(HttpURLConnection connection) throws IOException {
        try (InputStream in = connection.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > ClientKeys.MAX_LENGTH) {
                    throw invalid("The JWK Set at the jwks_uri is longer than " + ClientKeys.MAX_LENGTH + " bytes.");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("jwksUri", message);
    }

    static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }

    /** The connected address is not public. */
    static final class RefusedAddressException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedAddressException(String address) {
            super(address);
        }
    }

    /**
     * Layers TLS over the plain socket the connection made, after checking the address it is
     * connected to. Creating unconnected sockets is left unsupported on purpose: the connection
     * then connects a plain socket itself and hands it here (the JDK's HttpsClient).
     */
    static final class CheckedSocketFactory extends SSLSocketFactory {

        private final SSLSocketFactory tls;
        private final boolean publicOnly;
        private final List<Socket> opened = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        CheckedSocketFactory(SSLSocketFactory tls, boolean publicOnly) {
            this.tls = tls;
            this.publicOnly = publicOnly;
        }

        /**
         * Closes the connections of this fetch (its watchdog, or the end of the fetch), and every
         * connection it still makes: a watchdog that fires while the name is resolved or the TCP
         * connection made (nothing to close yet) ends the fetch at its handshake.
         */
        void closeAll() {
            closed = true;
            for (Socket s : opened) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is all that is left to do
                }
            }
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            opened.add(socket);
            if (closed) {
                socket.close();
                throw new SocketTimeoutException("the fetch took too long");
            }
            InetAddress connected = socket.getInetAddress();
            if (publicOnly && (connected == null || !OutboundAddresses.isPublic(connected))) {
                socket.close();
                throw new RefusedAddressException(connected == null ? "none" : connected.getHostAddress());
            }
            return tls.createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new IOException("connect through the checked plain socket only");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw new IOException("connect through the checked plain socket only");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new IOException("connect through the checked plain socket only");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            throw new IOException("connect through the checked plain socket only");
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }
}
