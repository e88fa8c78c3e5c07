package de.erpconnect.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.infrastructure.crypto.JwsSigner;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The registered keys of private_key_jwt, checked against the RFCs' published examples. */
class ClientKeysTest {

    /** RFC 7638 §3.1: the RSA key of the example and its published thumbprint. */
    static final String RFC7638_N =
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
                    + "BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8"
                    + "KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1"
                    + "jF44-csFCur-kEgU8awapJzKnqDKgw";

    /** RFC 7515 Appendix A.3: the ES256 example's public key and its JWS. */
    static final String A3_KEY = "{\"kty\":\"EC\",\"kid\":\"a3\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";

    static final String A3_JWS = "eyJhbGciOiJFUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

    @Test
    void theThumbprintIsRfc7638s() {
        ClientKeys keys = ClientKeys.parse("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"2011-04-29\",\"use\":\"sig\",\"n\":\""
                + RFC7638_N + "\",\"e\":\"AQAB\"}]}");
        ClientKeys.Key key = keys.byKid("2011-04-29").orElseThrow();
        assertEquals("PS256", key.algorithm());
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", key.thumbprint());
    }

    @Test
    void anEcKeyVerifiesRfc7515sEs256Example() {
        ClientKeys.Key key =
                ClientKeys.parse("{\"keys\":[" + A3_KEY + "]}").byKid("a3").orElseThrow();
        assertEquals("ES256", key.algorithm());
        assertTrue(JwsSigner.verifies(A3_JWS, key.publicKey()));
        String tampered = A3_JWS.substring(0, A3_JWS.length() - 1) + "A";
        assertFalse(JwsSigner.verifies(tampered, key.publicKey()));
        assertFalse(JwsSigner.verifies(A3_JWS.replace(".eyJpc3Mi", ".eyJpc3Ni"), key.publicKey()));
    }

    @Test
    void aDpopProofKeyFollowsTheSameRulesWithoutAKid() {
        JsonObject a3 = Jsonp.JSON
                .createReader(new StringReader(A3_KEY.replace("\"kid\":\"a3\",", "")))
                .readObject();
        ClientKeys.Key key = ClientKeys.proofKey(a3);
        assertEquals("ES256", key.algorithm());
        assertTrue(JwsSigner.verifies(A3_JWS, key.publicKey()));
        assertEquals(
                ClientKeys.parse("{\"keys\":[" + A3_KEY + "]}").keys().get(0).thumbprint(), key.thumbprint());
        JsonObject withD = Jsonp.JSON
                .createObjectBuilder(a3)
                .add("d", "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI")
                .build();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ClientKeys.proofKey(withD));
        assertTrue(refused.getMessage().contains("private key material ('d')"), refused.getMessage());
    }

    @Test
    void aProofKeyIsRsaWithExponent65537OnlyWhileARegisteredKeyMayHaveAnother() {
        String rsa = "{\"kty\":\"RSA\",\"kid\":\"e\",\"n\":\"" + RFC7638_N + "\",\"e\":\"AQAD\"}";
        assertEquals(
                "PS256",
                ClientKeys.parse("{\"keys\":[" + rsa + "]}").keys().get(0).algorithm());
        JsonObject jwk = Jsonp.JSON.createReader(new StringReader(rsa)).readObject();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ClientKeys.proofKey(jwk));
        assertTrue(refused.getMessage().contains("65537"), refused.getMessage());
        JsonObject f4 = Jsonp.JSON.createObjectBuilder(jwk).add("e", "AQAB").build();
        assertEquals("PS256", ClientKeys.proofKey(f4).algorithm());
    }

    @Test
    void theStoredSetHoldsOnlyPublicMembers() {
        ClientKeys keys = ClientKeys.parse("{\"keys\":[" + A3_KEY.replace("}", ",\"x5u\":\"https://x\"}") + "]}");
        assertFalse(keys.json().contains("x5u"));
        assertEquals(
                keys.keys().get(0).thumbprint(),
                ClientKeys.ofStored(keys.json()).keys().get(0).thumbprint());
    }

    @Test
    void privateMaterialOtherCurvesAndAlgorithmsAreRefused() {
        String withD = A3_KEY.replace("}", ",\"d\":\"jpsQnnGQmL-YBIffH1136cLnT8EgfH3cTzP9kGkoFtM\"}");
        assertRefused("{\"keys\":[" + withD + "]}", "private key material ('d')");
        assertRefused("{\"keys\":[" + A3_KEY.replace("P-256", "P-384") + "]}", "curve P-256");
        assertRefused("{\"keys\":[" + A3_KEY.replace("\"kid\"", "\"alg\":\"ES384\",\"kid\"") + "]}", "use ES256");
        assertRefused("{\"keys\":[" + A3_KEY.replace("x_FEzRu9", "x_FEzRu8") + "]}", "not a valid public key");
        assertRefused("{\"keys\":[" + A3_KEY + "," + A3_KEY + "]}", "used twice");
        assertRefused("{\"keys\":[" + A3_KEY.replace("\"kid\":\"a3\",", "") + "]}", "needs a 'kid'");
        assertRefused("{\"keys\":[]}", "non-empty array");
        assertRefused("[]", "not a JSON object");
    }

    private static void assertRefused(String jwks, String part) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClientKeys.parse(jwks));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertEquals("jwks", e.fieldErrors().get(0).field());
    }
}
