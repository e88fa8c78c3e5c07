package de.erpconnect.domain.amazon;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The "Region" of an Amazon platform profile: a marketplace country with its Seller Central host,
 * marketplace id and selling region (Amazon's developer guide and marketplace-id table).
 */
public enum AmazonCountry {
    DE("Deutschland", SellingRegion.EU, "A1PA6795UKMFR9", "https://sellercentral-europe.amazon.com"),
    FR("Frankreich", SellingRegion.EU, "A13V1IB3VIYZZH", "https://sellercentral-europe.amazon.com"),
    IT("Italien", SellingRegion.EU, "APJ6JRA9NG5V4", "https://sellercentral-europe.amazon.com"),
    ES("Spanien", SellingRegion.EU, "A1RKKUPIHCS9HS", "https://sellercentral-europe.amazon.com"),
    UK("Vereinigtes Königreich", SellingRegion.EU, "A1F83G8C2ARO7P", "https://sellercentral-europe.amazon.com"),
    NL("Niederlande", SellingRegion.EU, "A1805IZSGTT6HS", "https://sellercentral.amazon.nl"),
    SE("Schweden", SellingRegion.EU, "A2NODRKZP88ZB9", "https://sellercentral.amazon.se"),
    PL("Polen", SellingRegion.EU, "A1C3SOZRARQ6R3", "https://sellercentral.amazon.pl"),
    BE("Belgien", SellingRegion.EU, "AMEN7PMS3EDWL", "https://sellercentral.amazon.com.be"),
    IE("Irland", SellingRegion.EU, "A28R8C7NBKEWEA", "https://sellercentral.amazon.ie"),
    TR("Türkei", SellingRegion.EU, "A33AVAJ2PDY3EV", "https://sellercentral.amazon.com.tr"),
    AE("Vereinigte Arabische Emirate", SellingRegion.EU, "A2VIGQ35RCS4UG", "https://sellercentral.amazon.ae"),
    SA("Saudi-Arabien", SellingRegion.EU, "A17E79C6D8DWNP", "https://sellercentral.amazon.sa"),
    EG("Ägypten", SellingRegion.EU, "ARBP9OOSHTCHU", "https://sellercentral.amazon.eg"),
    ZA("Südafrika", SellingRegion.EU, "AE08WJ6YKNBMC", "https://sellercentral.amazon.co.za"),
    IN("Indien", SellingRegion.EU, "A21TJRUUN4KGV", "https://sellercentral.amazon.in"),
    US("USA", SellingRegion.NA, "ATVPDKIKX0DER", "https://sellercentral.amazon.com"),
    CA("Kanada", SellingRegion.NA, "A2EUQ1WTGCTBG2", "https://sellercentral.amazon.ca"),
    MX("Mexiko", SellingRegion.NA, "A1AM78C64UM0Y8", "https://sellercentral.amazon.com.mx"),
    BR("Brasilien", SellingRegion.NA, "A2Q3Y263D00KWC", "https://sellercentral.amazon.com.br"),
    JP("Japan", SellingRegion.FE, "A1VC38T7YXB528", "https://sellercentral.amazon.co.jp"),
    AU("Australien", SellingRegion.FE, "A39IBJ37TRP1C6", "https://sellercentral.amazon.com.au"),
    SG("Singapur", SellingRegion.FE, "A19VAU5U5O7RUS", "https://sellercentral.amazon.sg");

    private final String germanName;
    private final SellingRegion region;
    private final String marketplaceId;
    private final String sellerCentral;

    AmazonCountry(String germanName, SellingRegion region, String marketplaceId, String sellerCentral) {
        this.germanName = germanName;
        this.region = region;
        this.marketplaceId = marketplaceId;
        this.sellerCentral = sellerCentral;
    }

    public static AmazonCountry parse(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.name().equals(upper))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "country",
                        "Unknown Amazon region '" + (upper.length() > 8 ? upper.substring(0, 8) : upper) + "' (known: "
                                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")."));
    }

    public String germanName() {
        return germanName;
    }

    public SellingRegion region() {
        return region;
    }

    public String marketplaceId() {
        return marketplaceId;
    }

    /** Amazon's Seller Central of this marketplace; configuration may replace it. */
    public String sellerCentral() {
        return sellerCentral;
    }
}
