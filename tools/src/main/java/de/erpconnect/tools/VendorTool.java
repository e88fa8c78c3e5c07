package de.erpconnect.tools;

import de.erpconnect.domain.licence.ActivationKey;
import de.erpconnect.domain.licence.ActivationKeyCodec;
import de.erpconnect.domain.licence.Edition;
import de.erpconnect.domain.licence.KeyKind;
import de.erpconnect.domain.licence.PartnerAppCatalogue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar erpconnect-vendor-tool.jar <command> [options]}: the vendor creates a key pair,
 * signs product and partner-app activation keys for customers, and signs the partner-app
 * catalogue that ships with a release. Exit code 0 on success, 2 on bad usage, 1 on failure.
 */
public final class VendorTool {

    static final String HELP = """
            ERP Connect vendor tool: activation keys and the partner-app catalogue.

            Usage: java -jar erpconnect-vendor-tool.jar <command> [options]

            Commands:
              keygen --out DIR
                  Creates an Ed25519 vendor key pair: DIR/vendor-private-key.b64 (keep it secret,
                  readable only by you) and DIR/vendor-public-key.b64 (ships in the EAR as
                  META-INF/licence/vendor-public-key.b64).
              product --private-key FILE --key-id N --customer NUMBER --edition STANDARD|CORE|ENTERPRISE
                      --valid-until YYYY-MM-DD [--min-build N] [--allowed-editions E,E]
                  Prints a product key that sets the edition for the customer number.
                  Defaults: --min-build 0, --allowed-editions STANDARD,CORE,ENTERPRISE.
              partner-app --private-key FILE --key-id N --customer NUMBER --partner-app ID
                      --valid-until YYYY-MM-DD [--min-build N] [--allowed-editions E,E]
                  Prints a key that unlocks one partner app (its numeric id in the catalogue).
                  Defaults: --min-build 7120, --allowed-editions CORE,ENTERPRISE.
              sign-catalogue --private-key FILE --catalogue FILE
                  Writes FILE.sig, the signature of the partner-app catalogue FILE.
              --help
                  Prints this text.
            """;

    private VendorTool() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(HELP);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Map<String, String> options = options(args);
            switch (args[0]) {
                case "keygen" -> keygen(Path.of(required(options, "out")), out);
                case "product" ->
                    out.println(ActivationKeyCodec.encode(
                            new ActivationKey(
                                    Integer.parseInt(required(options, "key-id")),
                                    KeyKind.PRODUCT,
                                    Long.parseLong(required(options, "customer")),
                                    Edition.valueOf(required(options, "edition").toUpperCase(Locale.ROOT)),
                                    0,
                                    Integer.parseInt(options.getOrDefault("min-build", "0")),
                                    editions(options.getOrDefault("allowed-editions", "STANDARD,CORE,ENTERPRISE")),
                                    LocalDate.parse(required(options, "valid-until"))),
                            privateKey(Path.of(required(options, "private-key")))));
                case "partner-app" ->
                    out.println(ActivationKeyCodec.encode(
                            new ActivationKey(
                                    Integer.parseInt(required(options, "key-id")),
                                    KeyKind.PARTNER_APP,
                                    Long.parseLong(required(options, "customer")),
                                    null,
                                    Integer.parseInt(required(options, "partner-app")),
                                    Integer.parseInt(options.getOrDefault("min-build", "7120")),
                                    editions(options.getOrDefault("allowed-editions", "CORE,ENTERPRISE")),
                                    LocalDate.parse(required(options, "valid-until"))),
                            privateKey(Path.of(required(options, "private-key")))));
                case "sign-catalogue" -> {
                    Path catalogue = Path.of(required(options, "catalogue"));
                    String signature = PartnerAppCatalogue.sign(
                            Files.readAllBytes(catalogue), privateKey(Path.of(required(options, "private-key"))));
                    Path sig = catalogue.resolveSibling(catalogue.getFileName() + ".sig");
                    Files.writeString(sig, signature + "\n", StandardCharsets.US_ASCII);
                    out.println("wrote " + sig);
                }
                default -> {
                    err.println("Unknown command '" + args[0] + "'. Try --help.");
                    return 2;
                }
            }
            return 0;
        } catch (UsageException | IllegalArgumentException | java.time.DateTimeException e) {
            err.println("Error: " + e.getMessage() + " (try --help)");
            return 2;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("Failed: " + e.getMessage());
            return 1;
        }
    }

    static void keygen(Path dir, PrintStream out) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path priv = dir.resolve("vendor-private-key.b64");
        Path pub = dir.resolve("vendor-public-key.b64");
        if (Files.exists(priv)) {
            throw new UsageException(priv + " exists; a vendor key is never overwritten");
        }
        try {
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(priv);
        }
        Files.writeString(
                priv, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
        Files.writeString(
                pub, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        out.println("wrote " + priv + " (secret) and " + pub);
    }

    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(Files.readString(file).trim());
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static Set<Edition> editions(String list) {
        Set<Edition> set = EnumSet.noneOf(Edition.class);
        for (String e : list.split(",")) {
            set.add(Edition.valueOf(e.trim().toUpperCase(Locale.ROOT)));
        }
        return set;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("options are --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    /** Bad command-line usage. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
