package de.erpconnect.application.cloud;

import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;

/**
 * Who calls in the vendor cloud: a user (or, through a token, an application acting for a user)
 * of one realm. The container knows the caller by the name {@code <realm>:<login>}, which no ERP
 * login can have, so an identity of the cloud is never mistaken for one of the ERP.
 */
public record CloudCaller(RealmId realm, LoginName login) {

    public static final String PORTAL_ROLE = "cloud-user";
    public static final String CLIENT_ROLE = "cloud-client";
    public static final String VENDOR_ROLE = "vendor";

    public String principalName() {
        return realm.value() + ":" + login.value();
    }

    public static CloudCaller parse(String principalName) {
        int colon = principalName == null ? -1 : principalName.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException("not a cloud caller: '" + principalName + "'");
        }
        return new CloudCaller(
                RealmId.of(principalName.substring(0, colon)), new LoginName(principalName.substring(colon + 1)));
    }
}
