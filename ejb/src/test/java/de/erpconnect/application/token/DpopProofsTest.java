package de.erpconnect.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The URL comparison of {@code htu} (RFC 9449 §4.3 item 9, RFC 3986 §6.2.2 and §6.2.3). */
class DpopProofsTest {

    @Test
    void schemeAndHostCaseAndDefaultPortsDoNotCountQueryAndFragmentAreDropped() {
        assertEquals("https://erp.example.com/graphql", DpopProofs.normalized("HTTPS://ERP.Example.com:443/graphql"));
        assertEquals("http://localhost:8080/graphql", DpopProofs.normalized("http://localhost:8080/graphql?x=1#f"));
        assertEquals("http://localhost/", DpopProofs.normalized("http://localhost:80"));
    }

    @Test
    void thePathCountsAsWritten() {
        assertEquals("https://erp.example.com/GraphQL", DpopProofs.normalized("https://erp.example.com/GraphQL"));
    }

    @Test
    void notAnAbsoluteHttpUrlIsNothing() {
        assertNull(DpopProofs.normalized("/graphql"));
        assertNull(DpopProofs.normalized("ftp://erp.example.com/graphql"));
        assertNull(DpopProofs.normalized("https://"));
        assertNull(DpopProofs.normalized("https://erp example/"));
        assertNull(DpopProofs.normalized(null));
    }
}
