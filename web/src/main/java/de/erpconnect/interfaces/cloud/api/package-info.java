/**
 * The vendor cloud's HTTP APIs (DESIGN §9): each realm's token endpoint, JWKS and account API under
 * {@code /cloud/realms/{customerNo}}, and the vendor's invitations under {@code /cloud/api/vendor}.
 * The OAuth code is the ERP's ({@code interfaces.oauth}), bound to the realm of the path.
 */
package de.erpconnect.interfaces.cloud.api;
