package de.erpconnect.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts of this release, written by the build ({@code erpconnect.build} in the parent POM): the
 * software's build number, which activation keys compare with their minimum build.
 */
public final class Release {

    private static final Properties PROPERTIES = load();

    private Release() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Release.class.getResourceAsStream("/META-INF/erpconnect-release.properties")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/erpconnect-release.properties is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static int build() {
        return Integer.parseInt(PROPERTIES.getProperty("build").trim());
    }

    public static String version() {
        return PROPERTIES.getProperty("version");
    }
}
