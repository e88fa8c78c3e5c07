/**
 * ERP users ("BENUTZER VERWALTEN", DESIGN §4): who may log in, who may use GraphQL, with which
 * roles and ERP table rights. The entity guards its own rules (password policy, the coupling of
 * "Zugriff über GraphQL erlaubt" and "Benutzer kann sich immer anmelden").
 */
package de.erpconnect.domain.user;
