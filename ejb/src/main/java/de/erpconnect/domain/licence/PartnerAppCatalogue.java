package de.erpconnect.domain.licence;

import de.erpconnect.domain.client.Scope;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vendor-signed partner-app catalogue shipped with each release: JSON
 * ({@code {"apps":[{"id":1,"code":"…","vendor":"…","name":"…","description":"…","scopes":[…]}]}})
 * and a detached Ed25519 signature (Base64) over its exact bytes. A catalogue that does not verify
 * is not loaded; the scope {@code admin} is never part of a partner app.
 */
public final class PartnerAppCatalogue {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Map<Integer, PartnerApp> byId;

    private PartnerAppCatalogue(Map<Integer, PartnerApp> byId) {
        this.byId = byId;
    }

    public static PartnerAppCatalogue load(byte[] json, String signatureBase64, PublicKey vendorKey) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(vendorKey);
            s.update(json);
            if (!s.verify(Base64.getDecoder().decode(signatureBase64.trim()))) {
                throw new IllegalStateException("The partner-app catalogue is not signed by the vendor key in effect.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The partner-app catalogue's signature cannot be checked.", e);
        }
        Map<Integer, PartnerApp> apps = new LinkedHashMap<>();
        try (JsonReader reader = JsonProvider.provider().createReader(new ByteArrayInputStream(json))) {
            for (JsonObject app : reader.readObject().getJsonArray("apps").getValuesAs(JsonObject.class)) {
                Set<Scope> scopes = EnumSet.noneOf(Scope.class);
                for (JsonString s : app.getJsonArray("scopes").getValuesAs(JsonString.class)) {
                    scopes.add(Scope.find(s.getString())
                            .orElseThrow(
                                    () -> new IllegalStateException("unknown scope in catalogue: " + s.getString())));
                }
                if (scopes.contains(Scope.ADMIN) || !scopes.contains(Scope.GRAPHQL)) {
                    throw new IllegalStateException("a partner app has scope graphql and never admin");
                }
                String code = app.getString("code");
                if (!CODE.matcher(code).matches()) {
                    throw new IllegalStateException("malformed partner-app code " + code);
                }
                PartnerApp p = new PartnerApp(
                        app.getInt("id"),
                        code,
                        app.getString("vendor"),
                        app.getString("name"),
                        app.getString("description", ""),
                        Set.copyOf(scopes));
                apps.put(p.id(), p);
            }
        }
        return new PartnerAppCatalogue(apps);
    }

    /** The vendor's side: the detached signature of a catalogue file. */
    public static String sign(byte[] json, PrivateKey vendorKey) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(vendorKey);
            s.update(json);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public Optional<PartnerApp> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<PartnerApp> byCode(String code) {
        return byId.values().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public List<PartnerApp> all() {
        return List.copyOf(byId.values());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
