package de.erpconnect.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.licence.ActivationKey;
import de.erpconnect.domain.licence.ActivationKeyCodec;
import de.erpconnect.domain.licence.Edition;
import de.erpconnect.domain.licence.KeyKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorToolTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return VendorTool.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void helpDescribesEveryCommand() {
        assertEquals(0, run("--help"));
        for (String command : new String[] {"keygen", "product", "partner-app", "sign-catalogue"}) {
            assertTrue(out.toString().contains(command), command);
        }
        assertEquals(2, run());
        assertEquals(2, run("nonsense"));
    }

    @Test
    void signsKeysTheServerCanVerify(@TempDir Path dir) throws Exception {
        assertEquals(0, run("keygen", "--out", dir.toString()));
        Path priv = dir.resolve("vendor-private-key.b64");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
        assertEquals(2, run("keygen", "--out", dir.toString()), "an existing vendor key is never overwritten");
        assertTrue(err.toString().contains("never overwritten"));
        PublicKey pub = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                        .decode(Files.readString(dir.resolve("vendor-public-key.b64"))
                                .trim())));

        assertEquals(
                0,
                run(
                        "partner-app",
                        "--private-key",
                        priv.toString(),
                        "--key-id",
                        "5",
                        "--customer",
                        "4711",
                        "--partner-app",
                        "1",
                        "--valid-until",
                        "2027-06-30"));
        ActivationKey key = ActivationKeyCodec.decode(out.toString().trim(), pub);
        assertEquals(KeyKind.PARTNER_APP, key.kind());
        assertEquals(7120, key.minBuild());
        assertEquals("0000004711", key.customerNumberText());

        assertEquals(
                0,
                run(
                        "product",
                        "--private-key",
                        priv.toString(),
                        "--key-id",
                        "6",
                        "--customer",
                        "4711",
                        "--edition",
                        "core",
                        "--valid-until",
                        "2027-06-30"));
        assertEquals(
                Edition.CORE,
                ActivationKeyCodec.decode(out.toString().trim(), pub).edition());

        assertEquals(2, run("product", "--private-key", priv.toString(), "--key-id", "6"));
        assertTrue(err.toString().contains("--customer is required"));
        assertEquals(
                2,
                run(
                        "product",
                        "--private-key",
                        priv.toString(),
                        "--key-id",
                        "6",
                        "--customer",
                        "1",
                        "--edition",
                        "GOLD",
                        "--valid-until",
                        "2027-06-30"));
    }
}
