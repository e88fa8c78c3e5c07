/**
 * What the use-case services of every feature share: paging of lists, validation of commands,
 * a short-lived cache, and work that must wait for the transaction's commit.
 */
package de.erpconnect.application.shared;
