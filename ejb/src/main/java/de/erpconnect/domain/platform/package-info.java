/**
 * The ERP's e-commerce platform profiles ("E-COMMERCE → PLATTFORMEN", DESIGN §9): type Amazon,
 * "microtech Cloud verwenden", the Region and login status, and the defaults for the transactions
 * created from imported orders ("Vorgangserzeugung").
 */
package de.erpconnect.domain.platform;
