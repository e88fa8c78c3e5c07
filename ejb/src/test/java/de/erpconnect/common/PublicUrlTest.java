package de.erpconnect.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void normalizesToAnOriginWithoutTrailingSlash() {
        assertEquals(
                "https://erp.example.com",
                PublicUrl.parse("https://ERP.example.com/", Mode.PROD).value());
        assertEquals(
                "https://erp.example.com:8443/erp",
                PublicUrl.parse("https://erp.example.com:8443/erp/", Mode.PROD).value());
        assertEquals(
                "https://erp.example.com/oauth2/token",
                PublicUrl.parse("https://erp.example.com", Mode.PROD).resolve("/oauth2/token"));
    }

    @Test
    void productionRefusesHttpAndIpAddresses() {
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse("http://erp.example.com", Mode.PROD));
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse("https://10.0.0.5", Mode.PROD));
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse("https://[::1]:8443", Mode.PROD));
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse(null, Mode.PROD));
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse("https://erp.example.com/?x=1", Mode.PROD));
    }

    @Test
    void devModeAlsoAcceptsHttpOnLocalhost() {
        assertEquals(
                "http://localhost:8080",
                PublicUrl.parse("http://localhost:8080", Mode.DEV).value());
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse("http://erp.example.com", Mode.DEV));
    }
}
