package de.erpconnect.interfaces.rest;

import de.erpconnect.common.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Absolute URLs of created resources, built from ERPCONNECT_PUBLIC_URL, never from the Host header. */
@ApplicationScoped
public class Locations {

    @Inject
    Settings settings;

    public URI of(String collectionPath, String id) {
        return URI.create(settings.publicUrl()
                .resolve(collectionPath + "/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")));
    }
}
