/** Admin REST twin of "HILFE → LIZENZ → AKTIVIERUNGEN": licence, activations, partner apps. */
package de.erpconnect.interfaces.rest.licence;
