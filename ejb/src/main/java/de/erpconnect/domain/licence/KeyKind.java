package de.erpconnect.domain.licence;

/** What an activation key unlocks: the product's edition, or one partner app. */
public enum KeyKind {
    PRODUCT(1),
    PARTNER_APP(2);

    private final int code;

    KeyKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static KeyKind fromCode(int code) {
        for (KeyKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown key kind " + code);
    }
}
