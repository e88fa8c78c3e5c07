/**
 * Amazon through the vendor cloud (DESIGN §9, second part): the marketplaces and selling regions
 * of the SP-API, a cloud realm's platforms, the seller's authorization per selling region, the
 * cloud's Login with Amazon client, and Amazon's error codes in an administrator's words.
 */
package de.erpconnect.domain.amazon;
