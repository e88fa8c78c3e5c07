package de.erpconnect.domain.amazon;

/**
 * The SP-API selling regions. An authorization is regional: a seller who authorizes through one
 * marketplace's Seller Central grants access to every marketplace of that region.
 */
public enum SellingRegion {
    NA("Nordamerika", "https://sellingpartnerapi-na.amazon.com"),
    EU("Europa", "https://sellingpartnerapi-eu.amazon.com"),
    FE("Fernost", "https://sellingpartnerapi-fe.amazon.com");

    private final String germanName;
    private final String spApiEndpoint;

    SellingRegion(String germanName, String spApiEndpoint) {
        this.germanName = germanName;
        this.spApiEndpoint = spApiEndpoint;
    }

    public String germanName() {
        return germanName;
    }

    /** Amazon's endpoint; configuration may replace it (tests use a local stand-in). */
    public String spApiEndpoint() {
        return spApiEndpoint;
    }
}
