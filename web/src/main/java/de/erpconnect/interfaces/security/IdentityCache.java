package de.erpconnect.interfaces.security;

import de.erpconnect.application.cluster.ClusterCaches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful HTTP Basic checks for a short time, because bcrypt costs 50–100 ms and
 * admin scripts send many requests (DESIGN §10). Keyed by a SHA-256 of login and password, so no
 * password is kept in memory; the user's live state is still checked on every request.
 */
@ApplicationScoped
public class IdentityCache {

    static final long TTL_MILLIS = 30_000;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String login, long expiresAtMillis) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    ClusterCaches cluster;

    /** A password changed on another node must not keep working here from this cache. */
    @PostConstruct
    void joinCluster() {
        cluster.register(entries::clear);
    }

    public String find(String login, String password) {
        Entry e = entries.get(key(login, password));
        return e != null && System.currentTimeMillis() < e.expiresAtMillis ? e.login : null;
    }

    public void remember(String login, String password, String canonicalLogin) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(login, password), new Entry(canonicalLogin, System.currentTimeMillis() + TTL_MILLIS));
    }

    private static String key(String login, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(login.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
